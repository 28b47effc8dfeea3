package dev.lambdalocal.cognito.internal.service;

import dev.lambdalocal.aws.internal.protocol.AwsError;

/** Cognito Identity's own error texts (see docs/cognito.md). */
final class CognitoErrors {

  private CognitoErrors() {}

  /** Return AWS's error for an unknown identity pool. */
  static AwsError poolNotFound(String identityPoolId) {
    return AwsError.resourceNotFound("IdentityPool '" + identityPoolId + "' not found.");
  }

  /** Return AWS's error for an unknown identity. */
  static AwsError identityNotFound(String identityId) {
    return AwsError.resourceNotFound("Identity '" + identityId + "' not found.");
  }
}
