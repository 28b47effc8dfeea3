package dev.lambdalocal.junit;

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
 * The code of {@code docs/junit.md} (and of the JUnit section of {@code docs/cognito.md}) is the
 * code of these tests: every block marked {@code <!-- snippet: File.java#tag -->} equals the lines
 * between {@code // tag::tag[]} and {@code // end::tag[]} in that file (all such regions, in order,
 * less their common indentation). A block may name a file by its path from the repository's root
 * instead, e.g. {@code examples/src/test/java/example/OrderFuncMockitoTests.java#mockito}.
 */
class DocsSnippetsTests {

  private static final Path SOURCES = Path.of("src/test/java/dev/lambdalocal/junit");
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: ([\\w./-]+)#([\\w-]+) -->\\R```java\\R(.*?)```", Pattern.DOTALL);

  /** The repository's root: a snippet named by a path ({@code examples/src/…}) is found there. */
  private static final Path ROOT = Path.of("..");

  @Test
  void everySnippetOfTheJUnitGuideIsQuotedFromTheTests() throws IOException {
    assertThat(checkSnippets(Path.of("../docs/junit.md"))).isGreaterThanOrEqualTo(20);
  }

  @Test
  void everyJUnitSnippetOfTheCognitoGuideIsQuotedFromTheTests() throws IOException {
    assertThat(checkSnippets(Path.of("../docs/cognito.md"))).isGreaterThanOrEqualTo(2);
  }

  /** Check the snippets of a guide; return how many there are. */
  private static int checkSnippets(Path guide) throws IOException {
    String docs = Files.readString(guide);
    Matcher snippet = SNIPPET.matcher(docs);
    int count = 0;
    while (snippet.find()) {
      count++;
      String file = snippet.group(1);
      Path source = file.contains("/") ? ROOT.resolve(file) : SOURCES.resolve(file);
      String quoted = region(source, snippet.group(2));
      assertThat(snippet.group(3))
          .as(guide + ": " + snippet.group(1) + "#" + snippet.group(2))
          .isEqualTo(quoted);
    }
    return count;
  }

  private static String region(Path file, String tag) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.equals("// tag::" + tag + "[]")) {
        inside = true;
      } else if (trimmed.equals("// end::" + tag + "[]")) {
        inside = false;
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
          lines.remove(lines.size() - 1);
        }
      } else if (inside && !trimmed.startsWith("// tag::") && !trimmed.startsWith("// end::")) {
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
