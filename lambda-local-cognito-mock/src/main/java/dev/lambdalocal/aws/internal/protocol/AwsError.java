package dev.lambdalocal.aws.internal.protocol;

/**
 * An error an AWS JSON-protocol service (Cognito Identity, …) answers with: its {@code __type},
 * HTTP status and message.
 *
 * <p>The texts passed to the factories are AWS's own where AWS has one (see docs/cognito.md).
 */
public final class AwsError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  private AwsError(String code, int status, String message) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  /** The error code, sent as {@code __type} and in {@code x-amzn-ErrorType}. */
  public String code() {
    return code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Return a client error (HTTP 400) with AWS's code and message. */
  public static AwsError of(String code, String message) {
    return new AwsError(code, 400, message);
  }

  /** Return a {@code NotAuthorizedException}. */
  public static AwsError notAuthorized(String message) {
    return of("NotAuthorizedException", message);
  }

  /** Return a {@code ResourceNotFoundException}. */
  public static AwsError resourceNotFound(String message) {
    return of("ResourceNotFoundException", message);
  }

  /** Return an {@code InvalidParameterException}. */
  public static AwsError invalidParameter(String message) {
    return of("InvalidParameterException", message);
  }

  /** Return a {@code ResourceConflictException}. */
  public static AwsError resourceConflict(String message) {
    return of("ResourceConflictException", message);
  }

  /** A body that is not JSON, or a member of the wrong JSON type: AWS sends no message. */
  public static AwsError serialization() {
    return of("SerializationException", null);
  }

  /** A missing or unknown {@code X-Amz-Target}: AWS sends no message. */
  public static AwsError unknownOperation() {
    return of("UnknownOperationException", null);
  }

  /** A failure of the mock itself: never a stack trace on the wire. */
  public static AwsError internal(String message) {
    return new AwsError("InternalErrorException", 500, message);
  }
}
