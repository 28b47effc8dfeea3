package dev.lambdalocal.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The code of {@code docs/shipping.md} is the project's own: every block marked {@code <!--
 * snippet: path#tag -->} (a path from the repository's root) equals the lines between {@code
 * tag::tag[]} and {@code end::tag[]} comments in that file, less their common indentation.
 */
class ShippingDocsTests {

  private static final Path ROOT = Path.of("..");
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: ([\\w./-]+)#([\\w-]+) -->\\R```\\w+\\R(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetIsQuotedFromCompiledOrBuiltSources() throws IOException {
    Matcher snippet = SNIPPET.matcher(Files.readString(ROOT.resolve("docs/shipping.md")));
    int count = 0;
    while (snippet.find()) {
      count++;
      assertThat(snippet.group(3))
          .as(snippet.group(1) + "#" + snippet.group(2))
          .isEqualTo(region(ROOT.resolve(snippet.group(1)), snippet.group(2)));
    }
    assertThat(count).isGreaterThanOrEqualTo(4);
  }

  private static String region(Path file, String tag) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(file)) {
      if (line.contains("tag::" + tag + "[]")) {
        inside = true;
      } else if (line.contains("end::" + tag + "[]")) {
        inside = false;
      } else if (inside) {
        lines.add(line);
      }
    }
    assertThat(lines).as(file + "#" + tag).isNotEmpty();
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return text.toString();
  }
}
