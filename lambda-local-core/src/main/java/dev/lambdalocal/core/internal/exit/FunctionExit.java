package dev.lambdalocal.core.internal.exit;

import dev.lambdalocal.core.LambdaError;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} called by a
 * function's code: the call ends the function's invocation, as the exit would end Lambda's runtime
 * process, and never the JVM that runs lambda-local.
 *
 * <p>An {@link Error}, so that handlers' {@code catch (Exception e)} blocks let it through. A
 * handler that catches it anyway changes nothing: the exit is also recorded for its execution
 * environment ({@link ExitWatch}), and the invocation still ends with {@code Runtime.ExitError}.
 *
 * @since 0.1.0
 */
public final class FunctionExit extends Error {

  private static final long serialVersionUID = 1L;

  /** The {@code errorType} of Lambda's error document when the runtime process exits. */
  public static final String ERROR_TYPE = "Runtime.ExitError";

  /**
   * What the REPORT line of such an invocation ends with, in Lambda's text log format: {@code
   * Status: error}, a tab, {@code Error Type: Runtime.ExitError} (AWS Lambda Developer Guide,
   * "Failures during the invoke phase",
   * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
   */
  public static final String REPORT_STATUS = "Status: error\tError Type: " + ERROR_TYPE;

  private final int status;
  private final boolean halt;
  private final String caller;

  /**
   * Create the error of one exit call.
   *
   * @param status the status the function passed
   * @param halt whether it called {@code Runtime.halt} rather than {@code exit}
   * @param caller the frame that called it, e.g. {@code
   *     example.Handler.handleRequest(Handler.java:12)}, or {@code null}
   */
  public FunctionExit(int status, boolean halt, String caller) {
    super(
        (halt ? "Runtime.halt(" : "System.exit(")
            + status
            + ") called by the function"
            + (caller == null ? "" : " at " + caller)
            + "; lambda-local ends the invocation instead of the JVM",
        null,
        false,
        false);
    this.status = status;
    this.halt = halt;
    this.caller = caller;
  }

  /** Return the status the function passed. */
  public int status() {
    return status;
  }

  /** Return the exit status the process would have ended with: the status modulo 256. */
  public int processExitStatus() {
    return status & 0xFF;
  }

  /**
   * Return Lambda's {@code errorMessage} for this exit.
   *
   * <p>Lambda's init process reports a runtime process that ended with a non-zero status as {@code
   * Runtime exited with error: exit status N} and one that ended with status 0 as {@code Runtime
   * exited without providing a reason}, after {@code RequestId: <id> Error: } (captures: AWS
   * re:Post, "Runtime exited with error: exit status 129",
   * https://repost.aws/knowledge-center/lambda-runtime-error; the Lambda Developer Guide's log
   * examples cited on {@link #REPORT_STATUS}).
   *
   * @param requestId the invocation's request id
   * @return e.g. {@code RequestId: 1e5c… Error: Runtime exited with error: exit status 3}
   */
  public String errorMessage(String requestId) {
    int code = processExitStatus();
    return "RequestId: "
        + requestId
        + " Error: "
        + (code == 0
            ? "Runtime exited without providing a reason"
            : "Runtime exited with error: exit status " + code);
  }

  /** Return Lambda's error document for this exit: message and type, no stack trace. */
  public LambdaError toLambdaError(String requestId) {
    return new LambdaError(errorMessage(requestId), ERROR_TYPE, null);
  }

  /** Return the line lambda-local adds to the function's log to say where the exit came from. */
  public String logLine() {
    return "lambda-local: the function called "
        + (halt ? "Runtime.halt(" : "System.exit(")
        + status
        + ")"
        + (caller == null ? "" : " at " + caller)
        + "; Lambda's runtime process would end here, so the invocation ends with "
        + ERROR_TYPE
        + " and the next one starts a new execution environment";
  }

  /** Whether {@code error} is the document of an exit. */
  public static boolean isExitError(LambdaError error) {
    return error != null && ERROR_TYPE.equals(error.errorType());
  }
}
