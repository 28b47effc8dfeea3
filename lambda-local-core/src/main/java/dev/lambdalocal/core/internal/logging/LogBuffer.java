package dev.lambdalocal.core.internal.logging;

import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Collect the log of one invocation, optionally echoing it to a console as it is written.
 *
 * <p>Safe for use by many threads: every write is appended, and echoed, whole and in the order the
 * buffer received it.
 *
 * @since 0.1.0
 */
public final class LogBuffer implements InvocationScope.LogSink {

  private static final byte[] NEWLINE = {'\n'};

  private final Object lock = new Object();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream echo;

  /** Whether the last byte written ends a line (or nothing was written yet); under the lock. */
  private boolean atLineStart = true;

  /**
   * Create an empty buffer.
   *
   * <p>An echo that is the captured {@code System.out} or {@code System.err} is replaced by the
   * stream it captured; otherwise echoing from inside an invocation would write back into its own
   * log without end.
   *
   * @param echo where every byte is also written, in order; {@code null} to keep the log quiet
   */
  public LogBuffer(PrintStream echo) {
    this.echo = echo == null ? null : OutputCapture.unwrap(echo);
  }

  /**
   * Return a sink that only echoes, for output that belongs to no invocation's log.
   *
   * @param echo the console; {@code null} drops the output
   * @return the sink
   */
  public static InvocationScope.LogSink echoOnly(PrintStream echo) {
    PrintStream console = echo == null ? null : OutputCapture.unwrap(echo);
    return (buffer, offset, length) -> {
      if (console != null) {
        console.write(buffer, offset, length);
        console.flush();
      }
    };
  }

  /**
   * Append bytes, and echo them.
   *
   * @param buffer the buffer
   * @param offset the first byte to append
   * @param length how many bytes to append
   */
  @Override
  public void write(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    synchronized (lock) {
      append(buffer, offset, length);
    }
  }

  private void append(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return;
    }
    bytes.write(buffer, offset, length);
    atLineStart = buffer[offset + length - 1] == '\n';
    if (echo != null) {
      // Under the lock, so that the echo shows the bytes in the buffer's order.
      echo.write(buffer, offset, length);
      echo.flush();
    }
  }

  /**
   * Append a line of the runtime's own (a platform line such as {@code END}, or an error it
   * reports) and its {@code \n} in one write, and echo it.
   *
   * <p>The line always starts a line of its own: after output that did not end with a newline (a
   * {@code context.getLogger().log("x")}), a {@code \n} goes first. CloudWatch shows every logger
   * call and every platform line as an event of its own, never {@code xEND RequestId: …}.
   *
   * @param line the line, without its line terminator
   */
  public void appendLine(String line) {
    byte[] encoded = (line + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (lock) {
      if (!atLineStart) {
        append(NEWLINE, 0, 1);
      }
      append(encoded, 0, encoded.length);
    }
  }

  /**
   * Return everything written so far.
   *
   * @return the log decoded as UTF-8
   */
  public String text() {
    synchronized (lock) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
