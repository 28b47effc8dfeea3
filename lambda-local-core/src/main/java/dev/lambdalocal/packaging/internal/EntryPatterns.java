package dev.lambdalocal.packaging.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches entry names against an allow-list of names and globs: {@code *} within one path segment,
 * {@code **} across segments, {@code ?} one character.
 */
public final class EntryPatterns {

  private final List<Pattern> patterns;

  /** Compile the allow-list. */
  public EntryPatterns(List<String> globs) {
    this.patterns = globs.stream().map(EntryPatterns::compile).toList();
  }

  /** Return whether {@code entry} is allowed. */
  public boolean matches(String entry) {
    return patterns.stream().anyMatch(p -> p.matcher(entry).matches());
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
