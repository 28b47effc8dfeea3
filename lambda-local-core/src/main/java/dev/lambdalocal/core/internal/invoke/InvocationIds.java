package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.InvokeOptions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The names and ids Lambda gives an execution environment and its invocations: the log stream, the
 * request id and the X-Ray trace header.
 */
final class InvocationIds {

  private static final DateTimeFormatter STREAM_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private InvocationIds() {}

  /** Name a new log stream as Lambda does: {@code yyyy/MM/dd/[version]<32 hex digits>}. */
  static String logStreamName(String functionVersion, Clock clock) {
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return STREAM_DATE.format(clock.instant())
        + "/["
        + functionVersion
        + "]"
        + HexFormat.of().formatHex(random);
  }

  /** Return the caller's request id, or a new random one. */
  static String requestId(InvokeOptions options) {
    return options.requestId() != null ? options.requestId() : randomUuid();
  }

  /**
   * Return a random (version 4) UUID as text, as Lambda's request ids are. Drawn from {@link
   * ThreadLocalRandom} rather than {@link UUID#randomUUID()}: an id needs no cryptographic
   * strength, and the first {@code SecureRandom} costs a cold start tens of milliseconds of CPU.
   */
  static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  /** Return the caller's X-Ray trace header, or a new unsampled one. */
  static String traceId(InvokeOptions options, Clock clock) {
    if (options.xrayTraceId() != null) {
      return options.xrayTraceId();
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] root = new byte[12];
    byte[] parent = new byte[8];
    random.nextBytes(root);
    random.nextBytes(parent);
    // X-Ray's root id: the epoch second as 8 hex digits, then 96 random bits.
    int epochSeconds = (int) (clock.millis() / 1000);
    HexFormat hex = HexFormat.of();
    return new StringBuilder(77)
        .append("Root=1-")
        .append(hex.toHexDigits(epochSeconds))
        .append('-')
        .append(hex.formatHex(root))
        .append(";Parent=")
        .append(hex.formatHex(parent))
        .append(";Sampled=0")
        .toString();
  }
}
