package dev.lambdalocal.core.internal.events;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens an event file without ever blocking for good: a regular file opens at once; a named pipe
 * (FIFO), whose opening waits for a writer, gets a bounded wait for one, then a clear error naming
 * it. Process substitution ({@code --event <(…)}) and a writer that comes within the wait still
 * work.
 *
 * @since 0.1.0
 */
public final class EventFiles {

  /** How long an event file that is a named pipe may wait for a process to write to it. */
  public static final Duration WRITER_WAIT = Duration.ofSeconds(10);

  private EventFiles() {}

  /**
   * Open an event file for reading.
   *
   * @param file the file
   * @param writerWait how long a named pipe may wait for its writer
   * @return the open stream
   * @throws IOException as {@link Files#newInputStream} does, e.g. {@code NoSuchFileException}
   * @throws LambdaConfigurationException naming a directory, or a pipe that no writer opened in
   *     time
   */
  public static InputStream open(Path file, Duration writerWait) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new LambdaConfigurationException(file + ": is a directory, not an event file");
    }
    if (!attributes.isOther()) {
      return Files.newInputStream(file);
    }
    // A named pipe or a device: opening a pipe for reading blocks until a writer opens it, and a
    // blocked open cannot be interrupted, so it happens on a thread of its own.
    CompletableFuture<InputStream> opening = new CompletableFuture<>();
    Thread opener =
        new Thread(
            () -> {
              try {
                opening.complete(Files.newInputStream(file));
              } catch (Throwable t) {
                opening.completeExceptionally(t);
              }
            },
            "lambda-local-event-open");
    opener.setDaemon(true);
    opener.start();
    try {
      return opening.get(writerWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      release(file, opening);
      throw new LambdaConfigurationException(
          file
              + ": a named pipe (FIFO) that no process opened for writing within "
              + (writerWait.toMillis() % 1000 == 0
                  ? writerWait.toSeconds() + " s"
                  : writerWait.toMillis() + " ms")
              + "; write the event to it, or give a regular file, or - for standard input",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      release(file, opening);
      throw new LambdaConfigurationException(file + ": interrupted while opening it", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new UncheckedIOException(new IOException(e.getCause()));
    }
  }

  /**
   * Let the opener thread go: open the pipe for writing and close it at once (the opener then reads
   * an empty pipe), and close what it opened. Done on a daemon thread, as that open may block too.
   */
  private static void release(Path file, CompletableFuture<InputStream> opening) {
    opening.thenAccept(EventFiles::closeQuietly);
    Thread releaser =
        new Thread(
            () -> {
              // WRITE alone: never create a regular file where the pipe was deleted meanwhile.
              try (OutputStream unblock = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                unblock.flush();
              } catch (IOException ignored) {
                // Nothing waits on the pipe any more.
              }
            },
            "lambda-local-event-release");
    releaser.setDaemon(true);
    releaser.start();
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // A pipe nobody reads from.
    }
  }
}
