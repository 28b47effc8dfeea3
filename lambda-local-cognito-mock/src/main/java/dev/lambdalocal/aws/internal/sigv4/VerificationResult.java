package dev.lambdalocal.aws.internal.sigv4;

import dev.lambdalocal.aws.internal.protocol.Json;
import java.util.Objects;

/** What API Gateway's IAM authorization decides about one request. */
public sealed interface VerificationResult
    permits VerificationResult.Verified, VerificationResult.Rejected {

  /**
   * The signature is valid and was made with live credentials.
   *
   * @param principal what the {@link CredentialsResolver} attached to the credentials
   * @param accessKeyId the access key id the request was signed with
   */
  record Verified(Object principal, String accessKeyId) implements VerificationResult {

    /** Create the result; the access key id is required. */
    public Verified {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
    }
  }

  /**
   * API Gateway refuses the request.
   *
   * @param status the HTTP status (403 for every SigV4 failure)
   * @param errorType the value of API Gateway's {@code x-amzn-ErrorType} header
   * @param message the {@code message} of API Gateway's JSON body
   */
  record Rejected(int status, String errorType, String message) implements VerificationResult {

    /** Create the result; every field is required. */
    public Rejected {
      Objects.requireNonNull(errorType, "errorType");
      Objects.requireNonNull(message, "message");
    }

    /** Return the JSON body API Gateway sends: {@code {"message":"..."}}. */
    public String body() {
      return "{\"message\":" + Json.quote(message) + "}";
    }
  }
}
