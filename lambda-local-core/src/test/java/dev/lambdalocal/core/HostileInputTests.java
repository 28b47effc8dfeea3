package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lambdalocal.core.internal.events.EventFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event files and class path entries that would otherwise block forever or be skipped silently
 * (issue 15, item 4): each gets an error that names it.
 */
class HostileInputTests {

  /** Far beyond anything these tests need; only there so that a regression fails, not hangs. */
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aNamedPipeWithoutWriterIsRefusedNamingIt() throws Exception {
    Path fifo = fifo("event.json");

    assertTimeoutPreemptively(
        GENEROUS,
        () ->
            assertThatThrownBy(() -> EventFiles.open(fifo, Duration.ofMillis(200)))
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessage(
                    fifo
                        + ": a named pipe (FIFO) that no process opened for writing within 200 ms;"
                        + " write the event to it, or give a regular file, or - for standard"
                        + " input"));
  }

  @Test
  void aNamedPipeWithAWriterIsReadAsAnEvent() throws Exception {
    Path fifo = fifo("event.json");
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write("{\"from\": \"a pipe\"}".getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });

    String json = assertTimeoutPreemptively(GENEROUS, () -> Events.readJson(fifo));

    assertThat(json).isEqualTo("{\"from\": \"a pipe\"}");
    writer.get();
  }

  @Test
  void aDirectoryIsNotAnEventFile() {
    assertThatThrownBy(() -> Events.readJson(dir))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(dir + ": is a directory, not an event file");
  }

  @Test
  void aClassPathEntryThatIsNoJarIsRefusedLikeAMissingOne() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("classes.jar"), "not a zip");

    assertThatThrownBy(
            () ->
                LocalLambda.builder()
                    .handler("example.Handler")
                    .classpath(List.of(notAJar))
                    .build())
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage("Class path entry cannot be used: " + notAJar + ": not a JAR or ZIP file");
  }

  @Test
  void anUnreadableClassPathDirectoryIsRefused() throws IOException {
    // root reads every file whatever its permissions; there is nothing to refuse then.
    assumeFalse("root".equals(System.getProperty("user.name")), "running as root");
    Path classes = Files.createDirectory(dir.resolve("classes"));
    Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("---------"));
    try {
      assertThatThrownBy(
              () ->
                  LocalLambda.builder()
                      .handler("example.Handler")
                      .classpath(List.of(classes))
                      .build())
          .isInstanceOf(LambdaConfigurationException.class)
          .hasMessage("Class path entry cannot be used: " + classes + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    return fifo;
  }
}
