"""Every Secrets Manager and SSM operation lambda-local serves, and their errors, through boto3 and
the offline account's one endpoint (AWS_ENDPOINT_URL alone).

Run by dev.lambdalocal.account.PythonClientsTests: boto3_operations.py PREFIX POOL_ID
Makes the calls cli_operations.sh makes, under the same keys, and prints one JSON object: for each
call {"output": the response as the AWS CLI prints it} or {"error": str(ClientError)}, which is
the line the CLI prints. Paginated operations go through boto3's paginators, as the CLI's do.
"""
import base64
import datetime
import json
import sys

import boto3
from botocore.exceptions import ClientError

prefix, pool = sys.argv[1], sys.argv[2]
out = {}


def plain(value):
    """The response as the CLI prints it: no ResponseMetadata, epoch seconds, Base64 blobs."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def call(key, operation, **params):
    try:
        out[key] = {"output": plain(operation(**params))}
    except ClientError as e:
        out[key] = {"error": str(e)}


def paged(client, operation, **params):
    return lambda: client.get_paginator(operation).paginate(**params).build_full_result()


sm = boto3.client("secretsmanager")
ssm = boto3.client("ssm")

# Secrets Manager, as secrets_manager() in cli_operations.sh.
db, binary = prefix + "/db", prefix + "/bin"
v1, v2 = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"
v3, v4 = "33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444"
data = b"\x00\x01\x02\xff"
call("createSecret", sm.create_secret, Name=db, SecretString="v1", Description="first",
     ClientRequestToken=v1)
call("createBinarySecret", sm.create_secret, Name=binary, SecretBinary=data)
call("createExisting", sm.create_secret, Name=db, SecretString="other")
call("createWithBothValues", sm.create_secret, Name=prefix + "/both", SecretString="a",
     SecretBinary=data)
call("getBinary", sm.get_secret_value, SecretId=binary)
call("putSecretValue", sm.put_secret_value, SecretId=db, SecretString="v2", ClientRequestToken=v2)
call("putPending", sm.put_secret_value, SecretId=db, SecretString="v3", ClientRequestToken=v3,
     VersionStages=["AWSPENDING"])
call("getCurrent", sm.get_secret_value, SecretId=db)
call("getPrevious", sm.get_secret_value, SecretId=db, VersionStage="AWSPREVIOUS")
call("getPending", sm.get_secret_value, SecretId=db, VersionStage="AWSPENDING")
call("getByVersionId", sm.get_secret_value, SecretId=db, VersionId=v1)
call("getUnknownVersionId", sm.get_secret_value, SecretId=binary, VersionId=v1)
call("getUnknownStage", sm.get_secret_value, SecretId=binary, VersionStage="AWSPENDING")
call("updateSecret", sm.update_secret, SecretId=db, Description="second", SecretString="v4",
     ClientRequestToken=v4)
call("listSecrets", paged(sm, "list_secrets", Filters=[{"Key": "name", "Values": [prefix]}]))
call("deleteWithWindow", sm.delete_secret, SecretId=db, RecoveryWindowInDays=7)
call("describeDeleted", sm.describe_secret, SecretId=db)
call("getDeleted", sm.get_secret_value, SecretId=db)
call("putDeleted", sm.put_secret_value, SecretId=db, SecretString="v5")
call("createDeleted", sm.create_secret, Name=db, SecretString="v5")
call("restoreSecret", sm.restore_secret, SecretId=db)
call("getRestored", sm.get_secret_value, SecretId=db)
call("deleteWindowOutOfRange", sm.delete_secret, SecretId=db, RecoveryWindowInDays=3)
call("deleteForceWithWindow", sm.delete_secret, SecretId=db, ForceDeleteWithoutRecovery=True,
     RecoveryWindowInDays=7)
call("deleteForce", sm.delete_secret, SecretId=db, ForceDeleteWithoutRecovery=True)
call("getForceDeleted", sm.get_secret_value, SecretId=db)
call("restoreMissing", sm.restore_secret, SecretId=db)
call("deleteForceMissing", sm.delete_secret, SecretId=prefix + "/never",
     ForceDeleteWithoutRecovery=True)

# Parameter Store, as parameter_store() in cli_operations.sh.
base = "/" + prefix + "/app"
call("putString", ssm.put_parameter, Name=base + "/url", Value="v1", Type="String")
call("putExisting", ssm.put_parameter, Name=base + "/url", Value="v2", Type="String")
call("putOverwrite", ssm.put_parameter, Name=base + "/url", Value="v2", Overwrite=True)
call("putStringList", ssm.put_parameter, Name=base + "/list", Value="a,b,c", Type="StringList")
call("putSecureString", ssm.put_parameter, Name=base + "/deep/password", Value="s3cr3t",
     Type="SecureString")
call("getEncrypted", ssm.get_parameter, Name=base + "/deep/password")
call("getDecrypted", ssm.get_parameter, Name=base + "/deep/password", WithDecryption=True)
call("getVersionSelector", ssm.get_parameter, Name=base + "/url:1")
call("getUnknownVersion", ssm.get_parameter, Name=base + "/url:9")
call("getMissing", ssm.get_parameter, Name=base + "/missing")
call("getParameters", ssm.get_parameters, WithDecryption=True,
     Names=[base + "/url", base + "/deep/password", base + "/missing", base + "/url:9"])
call("byPath", paged(ssm, "get_parameters_by_path", Path=base))
call("byPathRecursive", paged(ssm, "get_parameters_by_path", Path=base, Recursive=True))
page = {"MaxItems": 2, "PageSize": 2}
call("byPathFirstPage", paged(ssm, "get_parameters_by_path", Path=base, Recursive=True,
                              PaginationConfig=page))
call("byPathNextPage", paged(ssm, "get_parameters_by_path", Path=base, Recursive=True,
                             PaginationConfig=dict(page, StartingToken=out["byPathFirstPage"]
                                                   .get("output", {}).get("NextToken"))))
call("describeParameters", paged(ssm, "describe_parameters", ParameterFilters=[
    {"Key": "Path", "Option": "Recursive", "Values": [base]}]))
call("history", paged(ssm, "get_parameter_history", Name=base + "/url"))
call("historyMissing", paged(ssm, "get_parameter_history", Name=base + "/missing"))
call("deleteParameter", ssm.delete_parameter, Name=base + "/list")
call("deleteMissing", ssm.delete_parameter, Name=base + "/list")
call("deleteParameters", ssm.delete_parameters, Names=[base + "/url", base + "/list"])

# Cognito Identity through the same endpoint.
call("cognitoGetId", boto3.client("cognito-identity").get_id, IdentityPoolId=pool)

print(json.dumps(out))
