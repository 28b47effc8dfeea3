package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.internal.exit.FunctionExit;
import dev.lambdalocal.core.internal.logging.LogBuffer;
import dev.lambdalocal.core.internal.logging.MemoryMeter;
import dev.lambdalocal.core.internal.logging.PlatformLines;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * How an invocation ends, as Lambda reports it: the END and REPORT lines (and the timeout line
 * after them), the billed duration and memory used, and the result with its payload or error
 * document.
 */
final class InvocationReports {

  private final FunctionConfig config;

  InvocationReports(FunctionConfig config) {
    this.config = config;
  }

  /** Append END, REPORT (and a timeout's line) to {@code log} and assemble the result. */
  InvocationResult finish(
      String requestId,
      LogBuffer log,
      LambdaError error,
      boolean timedOut,
      byte[] payload,
      Object value,
      long durationNanos,
      Double initMs) {
    double durationMs = durationNanos / 1_000_000.0;
    long billedMs = PlatformLines.billedMs(durationMs, initMs);
    long memoryUsed = MemoryMeter.usedMegabytes();
    String report =
        PlatformLines.report(
            requestId, durationMs, billedMs, config.memorySizeMb(), memoryUsed, initMs, timedOut);
    if (FunctionExit.isExitError(error)) {
      report += FunctionExit.REPORT_STATUS;
    }
    log.appendLine(PlatformLines.end(requestId));
    log.appendLine(report);
    if (timedOut) {
      // CloudWatch shows Lambda's timeout line after the REPORT line.
      log.appendLine(
          PlatformLines.timeoutLine(Instant.now(config.clock()), requestId, timeoutSeconds()));
    }
    byte[] body = error != null ? error.toJson().getBytes(StandardCharsets.UTF_8) : payload;
    InvocationResult.Report figures =
        new InvocationResult.Report(
            report,
            durationMs,
            billedMs,
            config.memorySizeMb(),
            memoryUsed,
            initMs == null ? OptionalDouble.empty() : OptionalDouble.of(initMs));
    return new InvocationResult(requestId, body, value, error, timedOut, log.text(), figures);
  }

  /** Return Lambda's error document for a timed-out invocation. */
  LambdaError timeoutError(String requestId) {
    return new LambdaError(
        PlatformLines.timeoutErrorMessage(requestId, timeoutSeconds()), "Sandbox.Timedout", null);
  }

  private double timeoutSeconds() {
    return config.timeout().toMillis() / 1000.0;
  }
}
