package dev.lambdalocal.core.internal.logging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Format the lines Lambda itself writes to a function's CloudWatch log, in the text log format.
 *
 * <p>The layouts are those of real Lambda logs, down to the tabs of the REPORT line: each of its
 * fields ends with a tab, except {@code Status: timeout}. A cold start that timed out, as logged by
 * Lambda ({@code \t} standing for a tab):
 *
 * <pre>
 * START RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3 Version: $LATEST
 * END RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3
 * REPORT RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3\tDuration: 3000.00 ms\t
 *     Billed Duration: 3068 ms\tMemory Size: 128 MB\tMax Memory Used: 35 MB\t
 *     Init Duration: 67.49 ms\tStatus: timeout
 * </pre>
 *
 * <p>(The REPORT line is one line; it is wrapped here.)
 *
 * <p>Durations are printed with exactly two decimals, whatever the default locale.
 *
 * @since 0.1.0
 */
public final class PlatformLines {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private PlatformLines() {}

  /**
   * Format the line that opens an invocation's log.
   *
   * @param requestId the invocation's request id
   * @param version the function version, such as {@code $LATEST}
   * @return {@code START RequestId: <id> Version: <version>}
   */
  public static String start(String requestId, String version) {
    return "START RequestId: " + requestId + " Version: " + version;
  }

  /**
   * Format the line that ends an invocation's own output.
   *
   * @param requestId the invocation's request id
   * @return {@code END RequestId: <id>}
   */
  public static String end(String requestId) {
    return "END RequestId: " + requestId;
  }

  /**
   * Format the REPORT line that closes an invocation's log.
   *
   * @param requestId the invocation's request id
   * @param durationMs how long the handler ran, in milliseconds
   * @param billedMs the billed duration, see {@link #billedMs(double, Double)}
   * @param memoryMb the configured memory size
   * @param maxMemoryUsedMb the memory used, see {@link MemoryMeter}
   * @param initDurationMs how long the init phase took on a cold start; {@code null} when warm
   * @param timedOut whether the invocation hit the function's timeout
   * @return the line: tab-separated fields, each followed by a tab, then {@code Status: timeout}
   *     with no tab after it on a timeout
   */
  public static String report(
      String requestId,
      double durationMs,
      long billedMs,
      int memoryMb,
      long maxMemoryUsedMb,
      Double initDurationMs,
      boolean timedOut) {
    StringBuilder line =
        new StringBuilder("REPORT RequestId: ")
            .append(requestId)
            .append("\tDuration: ")
            .append(twoDecimals(durationMs))
            .append(" ms\tBilled Duration: ")
            .append(billedMs)
            .append(" ms\tMemory Size: ")
            .append(memoryMb)
            .append(" MB\tMax Memory Used: ")
            .append(maxMemoryUsedMb)
            .append(" MB\t");
    if (initDurationMs != null) {
      line.append("Init Duration: ").append(twoDecimals(initDurationMs)).append(" ms\t");
    }
    if (timedOut) {
      line.append("Status: timeout");
    }
    return line.toString();
  }

  /**
   * Compute the billed duration of an invocation.
   *
   * <p>Lambda bills by the millisecond, rounding up. Since 1 August 2025 it also bills the init
   * phase of on-demand functions that use a managed runtime and a ZIP package (AWS Compute Blog,
   * "AWS Lambda standardizes billing for INIT Phase"), as it always did for container images and
   * custom runtimes: on a cold start the billed duration is the sum of the invocation and init
   * durations, rounded up once. A cold start logged after the change reads {@code Duration: 3000.00
   * ms}, {@code Init Duration: 67.49 ms}, {@code Billed Duration: 3068 ms}.
   *
   * @param durationMs how long the handler ran, in milliseconds
   * @param initDurationMs how long the init phase took on a cold start; {@code null} when warm
   * @return {@code ceil(durationMs + initDurationMs)}, or {@code ceil(durationMs)} when warm
   */
  public static long billedMs(double durationMs, Double initDurationMs) {
    // Decimal arithmetic, so that 4.42 + 333.05 is 337.47 and not a binary sum a hair above it.
    BigDecimal total = milliseconds(durationMs, "durationMs");
    if (initDurationMs != null) {
      total = total.add(milliseconds(initDurationMs, "initDurationMs"));
    }
    return total.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /**
   * Format the line Lambda logs when an invocation times out.
   *
   * @param when the moment of the timeout
   * @param requestId the invocation's request id
   * @param seconds the function's timeout in seconds
   * @return {@code <yyyy-MM-ddTHH:mm:ss.SSSZ> <id> Task timed out after <seconds> seconds}
   */
  public static String timeoutLine(Instant when, String requestId, double seconds) {
    return TIMESTAMP.format(Objects.requireNonNull(when, "when"))
        + " "
        + requestId
        + " Task timed out after "
        + twoDecimals(seconds)
        + " seconds";
  }

  /**
   * Format the {@code errorMessage} of the {@code Sandbox.Timedout} error of a timed-out
   * invocation.
   *
   * @param requestId the invocation's request id
   * @param seconds the function's timeout in seconds
   * @return {@code RequestId: <id> Error: Task timed out after <seconds> seconds}
   */
  public static String timeoutErrorMessage(String requestId, double seconds) {
    return "RequestId: "
        + requestId
        + " Error: Task timed out after "
        + twoDecimals(seconds)
        + " seconds";
  }

  /**
   * Format as {@code String.format(Locale.ROOT, "%.2f", value)} does (half-up on the shortest
   * decimal form of the value), without the cost of a {@code Formatter} on every invocation.
   */
  static String twoDecimals(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static BigDecimal milliseconds(double value, String name) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be a finite, non-negative number: " + value);
    }
    return BigDecimal.valueOf(value);
  }
}
