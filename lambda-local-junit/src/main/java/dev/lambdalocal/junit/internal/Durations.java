package dev.lambdalocal.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of annotations and configuration parameters: {@code 3s}, {@code 1m}, {@code
 * 3000ms}, {@code 10} (seconds) or ISO-8601 ({@code PT3S}).
 *
 * @since 0.1.0
 */
public final class Durations {

  private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h)?");

  private Durations() {}

  /**
   * Parse a duration.
   *
   * @param text the text
   * @return the duration, or {@code null} if {@code text} is none
   */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    Matcher matcher = AMOUNT.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? "s" : matcher.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m", "min" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
    try {
      return Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
