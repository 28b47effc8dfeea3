"""Every Secrets Manager and SSM operation lambda-local serves, through boto3 and the one endpoint.

Run by dev.lambdalocal.account.PythonClientsTests with AWS_ENDPOINT_URL set; prints one JSON
object whose members the Java test asserts. Errors are recorded as "Code: Message".
"""
import base64
import json
import sys

import boto3
from botocore.exceptions import ClientError

out = {}


def record(key, call):
    try:
        out[key] = call()
    except ClientError as e:
        out[key] = e.response["Error"]["Code"] + ": " + e.response["Error"].get("Message", "")


prefix = sys.argv[1]
sm = boto3.client("secretsmanager")
ssm = boto3.client("ssm")
cognito = boto3.client("cognito-identity")

name = prefix + "/db"
record("create", lambda: sm.create_secret(Name=name, SecretString="v1")["ARN"])
record("createAgain", lambda: sm.create_secret(Name=name, SecretString="v1"))
record("get", lambda: sm.get_secret_value(SecretId=name)["SecretString"])
record("put", lambda: sm.put_secret_value(SecretId=name, SecretString="v2")["VersionStages"])
record("previous", lambda: sm.get_secret_value(SecretId=name, VersionStage="AWSPREVIOUS")["SecretString"])
record("update", lambda: sm.update_secret(SecretId=name, Description="desc")["Name"])
record("describe", lambda: sm.describe_secret(SecretId=name)["Description"])
record("list", lambda: [s["Name"] for s in sm.list_secrets(Filters=[{"Key": "name", "Values": [prefix]}])["SecretList"]])
record("binary", lambda: base64.b64encode(
    sm.create_secret(Name=name + "-bin", SecretBinary=b"\x00\x01") and
    sm.get_secret_value(SecretId=name + "-bin")["SecretBinary"]).decode())
record("delete", lambda: sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)["Name"])
record("getDeleted", lambda: sm.get_secret_value(SecretId=name))
record("restore", lambda: sm.restore_secret(SecretId=name)["Name"])
record("forceDelete", lambda: sm.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)["Name"])
record("getMissing", lambda: sm.get_secret_value(SecretId=name))

p = prefix + "/param"
record("putParameter", lambda: ssm.put_parameter(Name=p, Value="s3cr3t", Type="SecureString")["Version"])
record("putParameterAgain", lambda: ssm.put_parameter(Name=p, Value="x", Type="SecureString"))
record("getEncrypted", lambda: ssm.get_parameter(Name=p)["Parameter"]["Value"] != "s3cr3t")
record("getDecrypted", lambda: ssm.get_parameter(Name=p, WithDecryption=True)["Parameter"]["Value"])
record("getParameters", lambda: ssm.get_parameters(Names=[p, p + "/missing"])["InvalidParameters"])
record("byPath", lambda: [x["Name"] for x in ssm.get_parameters_by_path(Path=prefix, Recursive=True)["Parameters"]])
record("describeParameters", lambda: [x["Name"] for x in ssm.describe_parameters(
    ParameterFilters=[{"Key": "Name", "Values": [p]}])["Parameters"]])
record("history", lambda: [x["Version"] for x in ssm.get_parameter_history(Name=p)["Parameters"]])
record("deleteParameter", lambda: ssm.delete_parameter(Name=p) and "deleted")
record("deleteParameters", lambda: ssm.delete_parameters(Names=[p])["InvalidParameters"])
record("getMissingParameter", lambda: ssm.get_parameter(Name=p))

record("cognitoGetId", lambda: cognito.get_id(IdentityPoolId=sys.argv[2])["IdentityId"].split(":")[0])

print(json.dumps(out))
