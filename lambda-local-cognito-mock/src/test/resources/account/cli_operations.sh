#!/usr/bin/env bash
# Every Secrets Manager and SSM operation lambda-local serves, and their errors, through the AWS CLI
# and the offline account's one endpoint (AWS_ENDPOINT_URL alone).
#
# Run by dev.lambdalocal.account.PythonClientsTests: cli_operations.sh PREFIX WORK_DIR
# Each `aws` process costs about a second, so one script runs them all, the Secrets Manager calls
# and the SSM calls side by side. It prints one JSON object: for each call, by the key that
# boto3_operations.py uses for the same call, {"status": exit status, "stdout": …, "stderr": …}.
set -u

prefix=$1
calls=$2/calls
mkdir -p "$calls"

# The CLI itself rather than a pyenv shim, which costs another half second per call.
aws_cli=$(pyenv which aws 2>/dev/null) || aws_cli=aws

# call KEY AWS-ARGUMENTS...: run one command, keeping its output, errors and exit status.
call() {
  local key=$1
  shift
  "$aws_cli" "$@" >"$calls/$key.stdout" 2>"$calls/$key.stderr"
  echo $? >"$calls/$key.status"
}

# The member NAME of the JSON object KEY printed (the CLI's pagination token, a version id).
member() {
  sed -n 's/^ *"'"$2"'": "\([^"]*\)",\{0,1\}$/\1/p' "$calls/$1.stdout" | head -n 1
}

secrets_manager() {
  local db=$prefix/db bin=$prefix/bin
  # Client request tokens become the version ids, so the script can look versions up by id.
  local v1=11111111-1111-4111-8111-111111111111 v2=22222222-2222-4222-8222-222222222222
  local v3=33333333-3333-4333-8333-333333333333 v4=44444444-4444-4444-8444-444444444444
  printf '\000\001\002\377' >"$calls/bytes.bin"
  call createSecret secretsmanager create-secret --name "$db" --secret-string v1 \
    --description first --client-request-token "$v1"
  call createBinarySecret secretsmanager create-secret --name "$bin" \
    --secret-binary "fileb://$calls/bytes.bin"
  call createExisting secretsmanager create-secret --name "$db" --secret-string other
  call createWithBothValues secretsmanager create-secret --name "$prefix/both" \
    --secret-string a --secret-binary "fileb://$calls/bytes.bin"
  call getBinary secretsmanager get-secret-value --secret-id "$bin"
  call putSecretValue secretsmanager put-secret-value --secret-id "$db" --secret-string v2 \
    --client-request-token "$v2"
  call putPending secretsmanager put-secret-value --secret-id "$db" --secret-string v3 \
    --client-request-token "$v3" --version-stages AWSPENDING
  call getCurrent secretsmanager get-secret-value --secret-id "$db"
  call getPrevious secretsmanager get-secret-value --secret-id "$db" --version-stage AWSPREVIOUS
  call getPending secretsmanager get-secret-value --secret-id "$db" --version-stage AWSPENDING
  call getByVersionId secretsmanager get-secret-value --secret-id "$db" --version-id "$v1"
  # A version id of another secret is not one of this secret's versions.
  call getUnknownVersionId secretsmanager get-secret-value --secret-id "$bin" --version-id "$v1"
  call getUnknownStage secretsmanager get-secret-value --secret-id "$bin" \
    --version-stage AWSPENDING
  call updateSecret secretsmanager update-secret --secret-id "$db" --description second \
    --secret-string v4 --client-request-token "$v4"
  call listSecrets secretsmanager list-secrets --filters "Key=name,Values=$prefix"
  call deleteWithWindow secretsmanager delete-secret --secret-id "$db" \
    --recovery-window-in-days 7
  call describeDeleted secretsmanager describe-secret --secret-id "$db"
  call getDeleted secretsmanager get-secret-value --secret-id "$db"
  call putDeleted secretsmanager put-secret-value --secret-id "$db" --secret-string v5
  call createDeleted secretsmanager create-secret --name "$db" --secret-string v5
  call restoreSecret secretsmanager restore-secret --secret-id "$db"
  call getRestored secretsmanager get-secret-value --secret-id "$db"
  call deleteWindowOutOfRange secretsmanager delete-secret --secret-id "$db" \
    --recovery-window-in-days 3
  call deleteForceWithWindow secretsmanager delete-secret --secret-id "$db" \
    --force-delete-without-recovery --recovery-window-in-days 7
  call deleteForce secretsmanager delete-secret --secret-id "$db" --force-delete-without-recovery
  call getForceDeleted secretsmanager get-secret-value --secret-id "$db"
  call restoreMissing secretsmanager restore-secret --secret-id "$db"
  call deleteForceMissing secretsmanager delete-secret --secret-id "$prefix/never" \
    --force-delete-without-recovery
}

parameter_store() {
  local base=/$prefix/app
  call putString ssm put-parameter --name "$base/url" --value v1 --type String
  call putExisting ssm put-parameter --name "$base/url" --value v2 --type String
  call putOverwrite ssm put-parameter --name "$base/url" --value v2 --overwrite
  call putStringList ssm put-parameter --name "$base/list" --value a,b,c --type StringList
  call putSecureString ssm put-parameter --name "$base/deep/password" --value s3cr3t \
    --type SecureString
  call getEncrypted ssm get-parameter --name "$base/deep/password"
  call getDecrypted ssm get-parameter --name "$base/deep/password" --with-decryption
  call getVersionSelector ssm get-parameter --name "$base/url:1"
  call getUnknownVersion ssm get-parameter --name "$base/url:9"
  call getMissing ssm get-parameter --name "$base/missing"
  call getParameters ssm get-parameters --with-decryption \
    --names "$base/url" "$base/deep/password" "$base/missing" "$base/url:9"
  call byPath ssm get-parameters-by-path --path "$base"
  call byPathRecursive ssm get-parameters-by-path --path "$base" --recursive
  call byPathFirstPage ssm get-parameters-by-path --path "$base" --recursive \
    --max-items 2 --page-size 2
  call byPathNextPage ssm get-parameters-by-path --path "$base" --recursive \
    --max-items 2 --page-size 2 --starting-token "$(member byPathFirstPage NextToken)"
  call describeParameters ssm describe-parameters \
    --parameter-filters "Key=Path,Option=Recursive,Values=$base"
  call history ssm get-parameter-history --name "$base/url"
  call historyMissing ssm get-parameter-history --name "$base/missing"
  call deleteParameter ssm delete-parameter --name "$base/list"
  call deleteMissing ssm delete-parameter --name "$base/list"
  call deleteParameters ssm delete-parameters --names "$base/url" "$base/list"
}

secrets_manager &
parameter_store &
wait

python3 - "$calls" <<'EOF'
import json, os, sys

calls = sys.argv[1]
out = {}
for name in sorted(os.listdir(calls)):
    if name.endswith(".status"):
        key = name[: -len(".status")]
        def read(suffix):
            with open(os.path.join(calls, key + suffix), encoding="utf-8") as f:
                return f.read()
        out[key] = {"status": int(read(".status")), "stdout": read(".stdout"),
                    "stderr": read(".stderr")}
print(json.dumps(out))
EOF
