package dev.lambdalocal.secretsmanager.internal;

import dev.lambdalocal.aws.internal.protocol.AwsError;

/**
 * Secrets Manager's errors with AWS's texts. Sources: the Secrets Manager API reference's error
 * sections (https://docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html and
 * each operation's "Errors") and responses quoted from real accounts in public issues
 * (boto/boto3#2794, getmoto/moto#9700, localstack/localstack#6530, terraform-provider-aws#8271).
 */
final class SecretsErrors {

  private SecretsErrors() {}

  static AwsError notFound() {
    return AwsError.of(
        "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
  }

  static AwsError markedForDeletion() {
    return AwsError.of(
        "InvalidRequestException",
        "You can't perform this operation on the secret because it was marked for deletion.");
  }

  static AwsError exists(String name) {
    return AwsError.of(
        "ResourceExistsException",
        "The operation failed because the secret " + name + " already exists.");
  }

  static AwsError scheduledForDeletion() {
    return AwsError.of(
        "InvalidRequestException",
        "You can't create this secret because a secret with this name is already scheduled for"
            + " deletion.");
  }

  static AwsError bothValues() {
    return AwsError.of(
        "InvalidParameterException",
        "You can't specify both a binary secret value and a string secret value in the same"
            + " secret.");
  }

  static AwsError noValueForStage(String stage) {
    return AwsError.of(
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for staging label: " + stage);
  }

  static AwsError noValueForVersion(String versionId) {
    return AwsError.of(
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for VersionId: " + versionId);
  }

  static AwsError versionExists() {
    return AwsError.of(
        "ResourceExistsException",
        "You can't modify an existing version, you can only create a new version.");
  }

  static AwsError forceWithWindow() {
    return AwsError.of(
        "InvalidParameterException",
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  }

  // Quoted from AWS in getmoto/moto#6461.
  static AwsError recoveryWindow() {
    return AwsError.of(
        "InvalidParameterException",
        "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
  }

  // Not seen in a quoted response: PutSecretValue requires one of the two values.
  static AwsError noValue() {
    return AwsError.of(
        "InvalidRequestException", "You must provide either SecretString or SecretBinary.");
  }
}
