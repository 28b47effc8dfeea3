package dev.lambdalocal.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The console of one function of {@code serve}: what the function logs while its init phase runs at
 * start-up is held back, then written out if the init phase succeeds and dropped if it fails, so
 * that a function that cannot start costs one line on standard error (its error), not its init log
 * with the stack trace of the failure. Once released, bytes go straight through.
 */
final class StartupConsole extends OutputStream {

  private final PrintStream target;
  private ByteArrayOutputStream held = new ByteArrayOutputStream();

  StartupConsole(PrintStream target) {
    this.target = target;
  }

  /** Return a print stream over this console, for {@code LocalLambda.Builder.console}. */
  PrintStream printStream() {
    return new PrintStream(this, true);
  }

  @Override
  public synchronized void write(int b) {
    if (held != null) {
      held.write(b);
    } else {
      target.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    if (held != null) {
      held.write(bytes, offset, length);
    } else {
      target.write(bytes, offset, length);
    }
  }

  @Override
  public synchronized void flush() {
    if (held == null) {
      target.flush();
    }
  }

  /** Write what was held back and let everything after it through. */
  synchronized void release() {
    if (held != null) {
      target.write(held.toByteArray(), 0, held.size());
      target.flush();
      held = null;
    }
  }

  /** Drop what was held back (the init log of a function that failed to start). */
  synchronized void discard() {
    if (held != null) {
      held.reset();
    }
  }
}
