package dev.lambdalocal.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of one invocation, immutable: what the Lambda Invoke API would return, plus the logs
 * and the figures of the REPORT line.
 *
 * <p>{@link #payload()} holds the exact response bytes: the serialized result on success, Lambda's
 * error document on a function error or timeout. {@link #functionError()} is the Invoke API's
 * {@code X-Amz-Function-Error} header ({@code Unhandled}).
 *
 * @since 0.1.0
 */
public final class InvocationResult {

  private final String requestId;
  private final byte[] payload;
  private final Object value;
  private final LambdaError error;
  private final boolean timedOut;
  private final String logs;
  private final Report report;

  /**
   * Create a result; used by the runtime.
   *
   * @param requestId the request id
   * @param payload the response bytes (copied)
   * @param value the object the handler returned, or {@code null}
   * @param error the function error, or {@code null} on success
   * @param timedOut whether the invocation hit its timeout
   * @param logs everything the function and the platform logged for this invocation
   * @param report the figures of the REPORT line
   */
  public InvocationResult(
      String requestId,
      byte[] payload,
      Object value,
      LambdaError error,
      boolean timedOut,
      String logs,
      Report report) {
    this.requestId = requestId;
    this.payload = payload.clone();
    this.value = value;
    this.error = error;
    this.timedOut = timedOut;
    this.logs = logs;
    this.report = report;
  }

  /** Return the request id ({@code Context.getAwsRequestId()}). */
  public String requestId() {
    return requestId;
  }

  /** Return the response bytes, exactly as the Invoke API would return them. */
  public byte[] payload() {
    return payload.clone();
  }

  /** Return the response as UTF-8 text. */
  public String payloadAsString() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /**
   * Return the object the handler method returned, before serialization: empty for stream handlers,
   * {@code void} methods, {@code null} results and errors.
   */
  public Optional<Object> returnValue() {
    return Optional.ofNullable(value);
  }

  /**
   * Return the object the handler returned, cast to {@code type}.
   *
   * @throws ClassCastException if the handler returned something else
   * @throws IllegalStateException if the invocation failed or returned nothing
   */
  public <T> T returnValue(Class<T> type) {
    if (value == null) {
      throw new IllegalStateException(
          error != null
              ? "The invocation failed: " + error.toJson()
              : "The handler returned no value (null, void or a stream handler)");
    }
    return type.cast(value);
  }

  /** Return the function error, empty on success. */
  public Optional<LambdaError> error() {
    return Optional.ofNullable(error);
  }

  /** Return whether the invocation ended in a function error (including a timeout). */
  public boolean isError() {
    return error != null;
  }

  /** Return whether the invocation succeeded. */
  public boolean isSuccess() {
    return error == null;
  }

  /** Return whether the invocation hit its timeout ({@code Sandbox.Timedout}). */
  public boolean isTimeout() {
    return timedOut;
  }

  /** Return the Invoke API's {@code X-Amz-Function-Error} value: {@code Unhandled} on errors. */
  public Optional<String> functionError() {
    return error == null ? Optional.empty() : Optional.of("Unhandled");
  }

  /**
   * Return this invocation's log: output of the init phase (on a cold start), the START line, what
   * the function wrote to {@code System.out}, {@code System.err} and its {@code LambdaLogger}, the
   * runtime's error report, the END and REPORT lines.
   */
  public String logs() {
    return logs;
  }

  /** Return the figures of the REPORT line. */
  public Report report() {
    return report;
  }

  /** Return the REPORT line, in CloudWatch's format. */
  public String reportLine() {
    return report.line();
  }

  /** Return whether this invocation started a new execution environment (ran the init phase). */
  public boolean isColdStart() {
    return report.initDurationMs().isPresent();
  }

  @Override
  public String toString() {
    return "InvocationResult[requestId="
        + requestId
        + ", "
        + (error == null ? "success" : timedOut ? "timeout" : "error")
        + ", payload="
        + payloadAsString()
        + "]";
  }

  /**
   * The figures Lambda reports at the end of an invocation.
   *
   * @param line the REPORT line as CloudWatch shows it
   * @param durationMs the invocation's duration in milliseconds
   * @param billedDurationMs the billed duration in whole milliseconds
   * @param memorySizeMb the configured memory
   * @param maxMemoryUsedMb the memory used, see {@code docs/core.md} for what is measured
   * @param initDurationMs the init phase's duration on a cold start
   */
  public record Report(
      String line,
      double durationMs,
      long billedDurationMs,
      int memorySizeMb,
      long maxMemoryUsedMb,
      OptionalDouble initDurationMs) {

    /** Return the duration as a {@link Duration}. */
    public Duration duration() {
      return Duration.ofNanos(Math.round(durationMs * 1_000_000));
    }
  }
}
