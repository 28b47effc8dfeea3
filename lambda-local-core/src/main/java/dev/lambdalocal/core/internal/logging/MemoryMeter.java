package dev.lambdalocal.core.internal.logging;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Approximate the "Max Memory Used" of a REPORT line.
 *
 * <p>What is measured is the memory the whole JVM has in use, heap and non-heap, at the moment of
 * the call. In a shared test JVM that includes the test framework, the build tool's plugins and
 * every other function loaded in it. It is not Lambda's figure, which is the peak resident memory
 * of the sandbox over the invocation; read it as an order of magnitude, not as a prediction.
 *
 * @since 0.1.0
 */
public final class MemoryMeter {

  private static final long MEGABYTE = 1024 * 1024;

  private MemoryMeter() {}

  /**
   * Return the heap and non-heap memory the JVM uses now.
   *
   * @return the memory in use, rounded up to whole megabytes of 1,048,576 bytes
   */
  public static long usedMegabytes() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = memory.getHeapMemoryUsage().getUsed() + memory.getNonHeapMemoryUsage().getUsed();
    return megabytes(used);
  }

  /** Round a number of bytes up to whole megabytes. */
  static long megabytes(long bytes) {
    return (bytes + MEGABYTE - 1) / MEGABYTE;
  }
}
