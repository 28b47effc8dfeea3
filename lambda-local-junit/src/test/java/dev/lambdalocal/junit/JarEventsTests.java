package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.junit.internal.EventFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Event folders inside a JAR on the class path, as in a shared test-events artifact. */
class JarEventsTests {

  private static Path eventsJar(Path directory) throws IOException {
    Path jar = directory.resolve("events.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String folder : List.of("jarred/", "jarred/events/", "jarred/events/nested/")) {
        out.putNextEntry(new JarEntry(folder));
        out.closeEntry();
      }
      // Written out of order: the listing sorts them.
      entry(out, "jarred/events/b.json", "{\"name\": \"b\"}");
      entry(out, "jarred/events/notes.txt", "not an event");
      entry(out, "jarred/events/nested/c.json", "{\"name\": \"c-%IDENTITY_ID%\"}");
      entry(out, "jarred/events/a.json", "{\"name\": \"a\"}");
    }
    return jar;
  }

  private static void entry(OutputStream out, String name, String text) throws IOException {
    ((JarOutputStream) out).putNextEntry(new JarEntry(name));
    out.write(text.getBytes(StandardCharsets.UTF_8));
    ((JarOutputStream) out).closeEntry();
  }

  @Test
  void aFolderInAJarIsListedInOrder(@TempDir Path directory) throws IOException {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {eventsJar(directory).toUri().toURL()}, null)) {
      assertThat(EventFiles.list("jarred/events", false, ".json", loader))
          .extracting(EventFiles.Found::name)
          .containsExactly("a.json", "b.json");
      assertThat(EventFiles.list("classpath:jarred/events/", true, "", loader))
          .extracting(EventFiles.Found::location)
          .containsExactly(
              "classpath:jarred/events/a.json",
              "classpath:jarred/events/b.json",
              "classpath:jarred/events/nested/c.json",
              "classpath:jarred/events/notes.txt");
    }
  }

  @Test
  void eventsComeFromAJarOnTheContextClassLoader(@TempDir Path directory) throws IOException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {eventsJar(directory).toUri().toURL()}, previous)) {
      thread.setContextClassLoader(loader);
      EngineExecutionResults results = Kit.run(FromJar.class);

      assertThat(Kit.failures(results)).isEmpty();
      assertThat(results.testEvents().succeeded().list())
          .extracting(event -> event.getTestDescriptor().getDisplayName())
          .containsExactly("a.json", "b.json", "nested/c.json");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  static class FromJar {
    @ParameterizedTest(name = "{0}")
    @EventSource(folder = "jarred/events", recursive = true)
    void test(Map<String, String> event, dev.lambdalocal.core.Identity caller) {
      assertThat(event.get("name")).isIn("a", "b", "c-" + caller.identityId());
    }
  }
}
