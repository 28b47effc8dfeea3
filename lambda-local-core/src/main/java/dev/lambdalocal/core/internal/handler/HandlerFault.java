package dev.lambdalocal.core.internal.handler;

import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.internal.serialization.TooManySerializersException;

/**
 * A handler that could not be loaded or called, as the AWS runtime's {@code UserFault} describes
 * it.
 *
 * <p>A fatal fault ends the runtime: Lambda reports it as an init error (or, for one case, on the
 * first invocation) and the execution environment is discarded. A non-fatal fault is reported on
 * every invocation. The fault carries no stack trace of its own; {@link #trace()} holds the text of
 * the throwable that caused it, if any.
 *
 * @since 0.1.0
 */
public final class HandlerFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String faultMessage;
  private final String exceptionType;
  private final String trace;
  private final boolean fatal;

  /**
   * Create a fault.
   *
   * @param faultMessage the message Lambda reports ({@code errorMessage})
   * @param exceptionType the class name of the cause ({@code errorType}), or {@code null}
   * @param trace the cause's printed stack trace, or {@code null}
   * @param fatal whether the runtime must stop
   */
  public HandlerFault(String faultMessage, String exceptionType, String trace, boolean fatal) {
    // The same instance is thrown on every call; a stack trace of its own would only mislead.
    super(faultMessage, null, false, false);
    this.faultMessage = faultMessage;
    this.exceptionType = exceptionType;
    this.trace = trace;
    this.fatal = fatal;
  }

  /** Create a non-fatal fault that has only a message, as {@code makeUserFault(String)} does. */
  static HandlerFault of(String message) {
    return new HandlerFault(message, null, null, false);
  }

  /** Describe {@code cause} as a fault, as {@code makeUserFault(Throwable, boolean)} does. */
  public static HandlerFault of(Throwable cause, boolean fatal) {
    String message = cause.getLocalizedMessage();
    return new HandlerFault(
        message == null ? typeOf(cause) : message, typeOf(cause), StackTraces.print(cause), fatal);
  }

  /** Describe a class that failed to load or initialize ({@code makeInitErrorUserFault}). */
  public static HandlerFault initError(Throwable cause, String className) {
    String message = cause.getMessage();
    return new HandlerFault(
        "Error loading class " + className + (message == null ? "" : ": " + message),
        typeOf(cause),
        StackTraces.print(cause),
        true);
  }

  /** Describe a handler class that does not exist ({@code makeClassNotFoundUserFault}). */
  static HandlerFault classNotFound(Throwable cause, String className) {
    return new HandlerFault(
        "Class not found: " + className,
        cause.getClass().getName(),
        StackTraces.print(cause),
        false);
  }

  /** Return the class name the runtime reports for {@code cause} ({@code errorType}). */
  private static String typeOf(Throwable cause) {
    return cause instanceof TooManySerializersException
        ? TooManySerializersException.RUNTIME_TYPE
        : cause.getClass().getName();
  }

  /** Return the message Lambda reports as {@code errorMessage}. */
  public String faultMessage() {
    return faultMessage;
  }

  /** Return the class name Lambda reports as {@code errorType}, or {@code null} if none. */
  public String exceptionType() {
    return exceptionType;
  }

  /** Return the cause's printed stack trace (runtime frames removed), or {@code null} if none. */
  public String trace() {
    return trace;
  }

  /** Return whether the runtime stops after reporting this fault. */
  public boolean fatal() {
    return fatal;
  }

  /**
   * Return the error document the runtime reports for this fault: message and type, and no stack
   * trace, as the AWS runtime's {@code LambdaErrorConverter.fromUserFault} builds it.
   */
  public LambdaError toLambdaError() {
    return new LambdaError(faultMessage, exceptionType, null);
  }

  /** Return the text the AWS runtime logs for this fault ({@code UserFault.reportableError()}). */
  public String reportableError() {
    if (exceptionType != null || trace != null) {
      return faultMessage
          + ": "
          + (exceptionType == null ? "" : exceptionType)
          + "\n"
          + (trace == null ? "" : trace)
          + "\n";
    }
    return faultMessage + "\n";
  }
}
