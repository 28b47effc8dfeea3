package dev.lambdalocal.core.internal.logging;

import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.io.PrintStream;

/**
 * Send what a function writes to {@code System.out} and {@code System.err} to its invocation's log.
 *
 * <p>After {@link #install()}, output from a thread bound to an {@link InvocationScope} (and from
 * every thread it starts) goes to {@link InvocationScope#log()}, encoded as UTF-8 like the Lambda
 * Java runtime's; output from any other thread goes to the stream that was in place before.
 * Invocations running in parallel on different threads each receive only their own bytes, and a
 * {@code println} reaches its log in one piece.
 *
 * @since 0.1.0
 */
public final class OutputCapture {

  private static final Object LOCK = new Object();

  private OutputCapture() {}

  /**
   * Replace {@code System.out} and {@code System.err}; do nothing for a stream already replaced.
   *
   * <p>A stream that something else set after an earlier install (a test tool restoring the stream
   * it saved, say) is replaced again, and becomes the stream for unbound threads.
   */
  public static void install() {
    synchronized (LOCK) {
      if (!(System.out instanceof ScopedPrintStream)) {
        System.setOut(new ScopedPrintStream(System.out));
      }
      if (!(System.err instanceof ScopedPrintStream)) {
        System.setErr(new ScopedPrintStream(System.err));
      }
    }
  }

  /**
   * Return the {@code System.out} that {@link #install()} replaced.
   *
   * @return where output of threads outside any invocation goes; {@code System.out} itself when it
   *     is not replaced
   */
  public static PrintStream originalOut() {
    return replaced(System.out);
  }

  /**
   * Return the {@code System.err} that {@link #install()} replaced.
   *
   * @return where errors of threads outside any invocation go; {@code System.err} itself when it is
   *     not replaced
   */
  public static PrintStream originalErr() {
    return replaced(System.err);
  }

  private static PrintStream replaced(PrintStream stream) {
    return stream instanceof ScopedPrintStream scoped ? scoped.fallback() : stream;
  }

  /** Return the stream under any scoped streams, so that writing to it never re-enters a log. */
  static PrintStream unwrap(PrintStream stream) {
    PrintStream result = stream;
    while (result instanceof ScopedPrintStream scoped) {
      result = scoped.fallback();
    }
    return result;
  }
}
