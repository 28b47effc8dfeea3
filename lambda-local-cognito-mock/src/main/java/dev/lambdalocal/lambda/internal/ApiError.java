package dev.lambdalocal.lambda.internal;

/**
 * An error the Lambda API answers with: its type (sent in {@code x-amzn-ErrorType}), HTTP status
 * and message. The texts are AWS's own, each with where it was seen; see docs/lambda-service.md.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The Invoke API's limit on a synchronous request (and response) payload: 6 MB. */
  public static final int MAX_SYNC_PAYLOAD = 6_291_456;

  /**
   * The Invoke API's limit on an asynchronous ({@code Event}) payload: 1 MB since October 2025 (it
   * was 256 KB), https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html.
   */
  public static final int MAX_ASYNC_PAYLOAD = 1_048_576;

  /** CreateFunction's and UpdateFunctionCode's limit on a request, as AWS reports it. */
  public static final int MAX_CODE_REQUEST = 69_905_067;

  private final String type;
  private final int status;

  ApiError(String type, int status, String message) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  /** The error type, e.g. {@code ResourceNotFoundException}. */
  public String type() {
    return type;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Whether AWS sends this error's body with the model's {@code Type}/{@code Message} members. */
  boolean modeled() {
    return !type.equals("ValidationException")
        && !type.endsWith("SignatureException")
        && !type.equals("UnrecognizedClientException")
        && !type.equals("MissingAuthenticationTokenException")
        && !type.equals("ExpiredTokenException");
  }

  /**
   * 404 {@code Function not found: <arn>}, as in the captures of issues aarondfrancis/sidecar#23
   * and Graphcool/graphcool-framework#546 (qualified ARNs included).
   */
  static ApiError functionNotFound(String arn) {
    return new ApiError("ResourceNotFoundException", 404, "Function not found: " + arn);
  }

  /** 404 {@code Alias not found: <alias arn>}. */
  static ApiError aliasNotFound(String aliasArn) {
    return new ApiError("ResourceNotFoundException", 404, "Alias not found: " + aliasArn);
  }

  /** 409 {@code Function already exist: <name>} (sic), as in hashicorp/terraform#15929. */
  static ApiError functionExists(String name) {
    return new ApiError("ResourceConflictException", 409, "Function already exist: " + name);
  }

  /** 409 {@code Alias already exists: <alias arn>}. */
  static ApiError aliasExists(String aliasArn) {
    return new ApiError("ResourceConflictException", 409, "Alias already exists: " + aliasArn);
  }

  /**
   * 409 while {@code LastUpdateStatus} is {@code InProgress}, as in hashicorp/terraform#29604 and
   * SeanRoy/lambda-maven-plugin#117.
   */
  static ApiError updateInProgress(String arn) {
    return new ApiError(
        "ResourceConflictException",
        409,
        "The operation cannot be performed at this time. An update is in progress for resource: "
            + arn);
  }

  /** 409 for an invocation of a function whose {@code State} is not {@code Active}. */
  static ApiError notActive(String state) {
    return new ApiError(
        "ResourceConflictException",
        409,
        "The operation cannot be performed at this time. The function is currently in the"
            + " following state: "
            + state);
  }

  /** 412 for a {@code RevisionId} that is not the current one. */
  static ApiError preconditionFailed() {
    return new ApiError(
        "PreconditionFailedException",
        412,
        "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias"
            + " API to retrieve the latest Revision Id");
  }

  /** 400 {@code InvalidParameterValueException}. */
  static ApiError invalidParameter(String message) {
    return new ApiError("InvalidParameterValueException", 400, message);
  }

  /** 400 for a ZIP that does not open, as in boto/boto3#488 and aws/aws-sdk-php#673. */
  static ApiError cannotUnzip() {
    return invalidParameter(
        "Could not unzip uploaded file. Please check your file, then try to upload again.");
  }

  /**
   * 413 for a synchronous payload over 6 MB, as in pelmers/streetwarp-web#14 and
   * awslabs/aws-athena-query-federation#793.
   */
  static ApiError requestTooLarge(String operation, int limit) {
    return new ApiError(
        "RequestEntityTooLargeException",
        413,
        "Request must be smaller than " + limit + " bytes for the " + operation + " operation");
  }

  /** 413 for an {@code Event} payload over the limit, as in ASFHyP3/hyp3#2241. */
  static ApiError eventTooLarge(int size) {
    return new ApiError(
        "RequestEntityTooLargeException",
        413,
        size
            + " byte payload is too large for the Event invocation type (limit "
            + MAX_ASYNC_PAYLOAD
            + " bytes)");
  }

  /** A SigV4 failure: 403 with the type and text of AWS's request authentication. */
  static ApiError forbidden(String type, String message) {
    return new ApiError(type, 403, message);
  }

  /** A path no operation of the Lambda API has. */
  static ApiError unknownOperation(String method, String path) {
    return new ApiError(
        "UnknownOperationException", 404, "No Lambda operation for " + method + " " + path);
  }

  /** A failure of the service itself: never a stack trace on the wire. */
  static ApiError service(String message) {
    return new ApiError("ServiceException", 500, message);
  }
}
