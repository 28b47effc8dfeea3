package dev.lambdalocal.core.internal.handler;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Removes the runtime's own frames from stack traces, as the AWS runtime's {@code
 * UserFault.filterStackTrace} does with its package.
 *
 * <p>Our prefix stands where Lambda's {@code com.amazonaws.services.lambda.runtime.api.client}
 * stands: every frame from the first runtime frame down is cut, so a user sees the frames Lambda
 * would show (their own, then the reflection frames that called them).
 */
final class StackTraces {

  /** The package prefix whose frames count as the runtime's. */
  static final String RUNTIME_PREFIX = "dev.lambdalocal.core.internal";

  private StackTraces() {}

  /** Cut the runtime's frames from {@code throwable}, its causes and suppressed; return it. */
  static <T extends Throwable> T filter(T throwable) {
    filter(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
    return throwable;
  }

  private static void filter(Throwable throwable, Set<Throwable> visited) {
    if (!visited.add(throwable)) {
      return;
    }
    StackTraceElement[] frames = throwable.getStackTrace();
    for (int i = 0; i < frames.length; i++) {
      if (frames[i].getClassName().startsWith(RUNTIME_PREFIX)) {
        StackTraceElement[] kept = new StackTraceElement[i];
        System.arraycopy(frames, 0, kept, 0, i);
        throwable.setStackTrace(kept);
        break;
      }
    }
    Throwable cause = throwable.getCause();
    if (cause != null) {
      filter(cause, visited);
    }
    for (Throwable suppressed : throwable.getSuppressed()) {
      filter(suppressed, visited);
    }
  }

  /** Return the filtered stack trace as {@link Throwable#printStackTrace()} prints it. */
  static String print(Throwable throwable) {
    filter(throwable);
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
