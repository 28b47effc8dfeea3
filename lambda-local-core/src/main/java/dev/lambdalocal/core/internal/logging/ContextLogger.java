package dev.lambdalocal.core.internal.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Implement {@code context.getLogger()} as the AWS Java runtime does with the text log format.
 *
 * <p>Messages are written exactly as given: no newline is added, and {@code null} is written as
 * {@code null}, as the runtime's {@code LambdaContextLogger} does. A text message logged with a
 * level is prefixed with it ({@code [INFO] }), as the runtime's text log formatter does; bytes are
 * never formatted. No level is filtered out: the runtime filters levels only in the JSON log
 * format, which lambda-local does not simulate.
 *
 * @since 0.1.0
 */
public final class ContextLogger implements LambdaLogger {

  private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

  private final InvocationScope.LogSink sink;

  /**
   * Create a logger.
   *
   * @param sink the invocation's log
   */
  public ContextLogger(InvocationScope.LogSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Write a message as UTF-8, adding nothing.
   *
   * @param message the message; {@code null} writes {@code null}
   */
  @Override
  public void log(String message) {
    log(message == null ? null : message.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Write a message prefixed with its level, as the runtime's text log format does.
   *
   * @param message the message
   * @param level the level; {@link LogLevel#UNDEFINED} adds no prefix
   */
  @Override
  public void log(String message, LogLevel level) {
    if (level == null || level == LogLevel.UNDEFINED) {
      log(message);
    } else {
      log("[" + level + "] " + message);
    }
  }

  /**
   * Write bytes as they are, whatever the level.
   *
   * @param message the bytes
   * @param level ignored: the runtime does not format bytes
   */
  @Override
  public void log(byte[] message, LogLevel level) {
    log(message);
  }

  /**
   * Write bytes as they are.
   *
   * @param message the bytes; {@code null} writes {@code null}
   */
  @Override
  public void log(byte[] message) {
    byte[] bytes = message == null ? NULL : message;
    sink.write(bytes, 0, bytes.length);
  }
}
