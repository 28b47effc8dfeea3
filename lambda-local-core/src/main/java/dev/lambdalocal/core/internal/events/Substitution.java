package dev.lambdalocal.core.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text after placeholder substitution, with what is needed to map a position in it back to the
 * text as written.
 */
public final class Substitution {

  private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%");

  private final String original;
  private final String result;

  /** Triples (start in result, end in result, start in original), one per replacement. */
  private final List<int[]> replacements;

  private Substitution(String original, String result, List<int[]> replacements) {
    this.original = original;
    this.result = result;
    this.replacements = replacements;
  }

  /** Replace the {@code %NAME%} placeholders of {@code text} that {@code values} names. */
  public static Substitution apply(String text, Map<String, String> values) {
    if (values.isEmpty() || text.indexOf('%') < 0) {
      return new Substitution(text, text, List.of());
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder(text.length());
    List<int[]> replacements = new ArrayList<>();
    int copied = 0;
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        continue;
      }
      result.append(text, copied, matcher.start());
      replacements.add(
          new int[] {result.length(), result.length() + value.length(), matcher.start()});
      result.append(value);
      copied = matcher.end();
    }
    result.append(text, copied, text.length());
    return new Substitution(text, result.toString(), replacements);
  }

  /** Return the text with the placeholders replaced. */
  public String result() {
    return result;
  }

  /** Return "line L, column C" in the original text for a position in the result. */
  public String position(int line, int column) {
    if (replacements.isEmpty() || line < 1 || column < 1) {
      return "line " + line + ", column " + column;
    }
    int offset = lineStart(result, line) + column - 1;
    int originalOffset = offset;
    for (int[] replacement : replacements) {
      if (offset < replacement[0]) {
        break;
      }
      if (offset < replacement[1]) {
        originalOffset = replacement[2];
        break;
      }
      int originalLength = placeholderLength(replacement[2]);
      originalOffset = offset - replacement[1] + replacement[2] + originalLength;
    }
    int originalLine = 1;
    int start = 0;
    for (int i = 0; i < originalOffset && i < original.length(); i++) {
      char c = original.charAt(i);
      if (c == '\r' && i + 1 < original.length() && original.charAt(i + 1) == '\n') {
        i++;
      }
      if (c == '\r' || c == '\n') {
        originalLine++;
        start = i + 1;
      }
    }
    return "line " + originalLine + ", column " + (originalOffset - start + 1);
  }

  private int placeholderLength(int originalStart) {
    return original.indexOf('%', originalStart + 1) + 1 - originalStart;
  }

  /** Return the offset at which a line starts, counting line breaks as Jackson does. */
  private static int lineStart(String text, int line) {
    int current = 1;
    int i = 0;
    while (current < line && i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
        i++;
      }
      if (c == '\r' || c == '\n') {
        current++;
      }
    }
    return i;
  }
}
