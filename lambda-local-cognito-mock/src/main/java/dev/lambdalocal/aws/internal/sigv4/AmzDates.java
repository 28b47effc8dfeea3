package dev.lambdalocal.aws.internal.sigv4;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** The timestamp formats of SigV4: ISO-8601 basic ({@code 20260101T000000Z}) and RFC 1123. */
final class AmzDates {

  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
          .withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

  private AmzDates() {}

  /** Parse an {@code X-Amz-Date} value, or return null if it is not in ISO-8601 basic format. */
  static Instant parseBasic(String value) {
    try {
      return Instant.from(BASIC.parse(value));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Parse a {@code Date} header, or return null if it is not an RFC 1123 date. */
  static Instant parseHttpDate(String value) {
    try {
      return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Format as {@code 20260101T000000Z}, dropping fractions of a second. */
  static String format(Instant instant) {
    return BASIC.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Format the day as {@code 20260101}, as the credential scope carries it. */
  static String formatDate(Instant instant) {
    return DATE.format(instant);
  }
}
