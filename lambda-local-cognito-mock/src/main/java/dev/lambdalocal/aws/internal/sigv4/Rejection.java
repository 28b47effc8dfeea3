package dev.lambdalocal.aws.internal.sigv4;

import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Rejected;

/** Ends verification early with API Gateway's answer; carries no stack trace. */
final class Rejection extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Rejected result;

  Rejection(String errorType, String message) {
    super(errorType + ": " + message, null, false, false);
    this.result = new Rejected(ApiGatewayErrors.FORBIDDEN, errorType, message);
  }

  Rejected result() {
    return result;
  }
}
