package dev.lambdalocal.core.internal.logging;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Approximate the "Max Memory Used" of a REPORT line.
 *
 * <p>Lambda reports the peak memory of the execution environment. On Linux the closest figure a
 * process has of itself is the peak of its resident set, {@code VmHWM} in {@code
 * /proc/self/status}, which is what is read. Elsewhere it is the heap and non-heap memory the JVM
 * uses at the moment of the call (JMX). Either way it is the whole JVM's: in a shared test JVM that
 * includes the test framework, the build tool's plugins and every other function loaded in it. Read
 * it as an order of magnitude, not as a prediction.
 *
 * @since 0.1.0
 */
public final class MemoryMeter {

  private static final long MEGABYTE = 1024 * 1024;
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final String PEAK_RESIDENT = "VmHWM:";

  private MemoryMeter() {}

  /**
   * Return the JVM's peak resident memory where the system reports it, else the heap and non-heap
   * memory it uses now.
   *
   * @return the memory, rounded up to whole megabytes of 1,048,576 bytes
   */
  public static long usedMegabytes() {
    long peak = peakResidentBytes(STATUS);
    if (peak > 0) {
      return megabytes(peak);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = memory.getHeapMemoryUsage().getUsed() + memory.getNonHeapMemoryUsage().getUsed();
    return megabytes(used);
  }

  /**
   * Return the {@code VmHWM} of a {@code /proc/<pid>/status} file in bytes, or 0 when the file is
   * missing or has no such line.
   */
  static long peakResidentBytes(Path status) {
    String text;
    // A FileInputStream, which the JVM has loaded at boot, rather than Files' channels: this runs
    // at the end of every first invocation, inside a cold start.
    try (InputStream in = new FileInputStream(status.toFile())) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException | SecurityException e) {
      return 0;
    }
    int start = text.indexOf(PEAK_RESIDENT);
    if (start < 0) {
      return 0;
    }
    int end = text.indexOf('\n', start);
    // "VmHWM:	   123456 kB": the kernel always reports it in kibibytes.
    String value = text.substring(start + PEAK_RESIDENT.length(), end < 0 ? text.length() : end);
    value = value.strip();
    if (!value.endsWith(" kB")) {
      return 0;
    }
    try {
      return Long.parseLong(value.substring(0, value.length() - 3).strip()) * 1024;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Round a number of bytes up to whole megabytes. */
  static long megabytes(long bytes) {
    return (bytes + MEGABYTE - 1) / MEGABYTE;
  }
}
