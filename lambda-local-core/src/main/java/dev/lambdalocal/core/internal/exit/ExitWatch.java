package dev.lambdalocal.core.internal.exit;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The exit calls of one execution environment: the first {@link FunctionExit} its code raised,
 * whichever thread raised it and whether or not the code caught it.
 *
 * <p>{@link ExitTrap} finds the watch of an exit call through the class loader of the calling code
 * (an {@link ExitTrappingClassLoader} owns one) or, for code that the {@linkplain ExitAgent agent}
 * rewrote, through the thread: {@link #run} binds the watch to the thread that runs the function's
 * code and to the threads that code starts.
 *
 * @since 0.1.0
 */
public final class ExitWatch {

  private static final InheritableThreadLocal<ExitWatch> CURRENT = new InheritableThreadLocal<>();

  private final AtomicReference<FunctionExit> exit = new AtomicReference<>();

  /** Create an empty watch. */
  public ExitWatch() {}

  /**
   * Return the watch of an execution environment whose code {@code loader} defines: the loader's
   * own if it rewrites exit calls, otherwise a new one.
   */
  public static ExitWatch of(ClassLoader loader) {
    return loader instanceof ExitTrappingClassLoader trapping ? trapping.watch() : new ExitWatch();
  }

  /** Code run by {@link #run}. */
  @FunctionalInterface
  public interface Action<T> {
    /** Run the function's code. */
    T run() throws Throwable;
  }

  /**
   * Run the function's code with this watch bound to the current thread (and inherited by the
   * threads it starts).
   */
  public <T> T run(Action<T> action) throws Throwable {
    ExitWatch previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return action.run();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Return the first exit recorded, or {@code null}. */
  public FunctionExit exit() {
    return exit.get();
  }

  /** Record an exit; only the first one counts, as the first would have ended the process. */
  void record(FunctionExit functionExit) {
    exit.compareAndSet(null, functionExit);
  }

  /** Return the watch bound to the current thread, or {@code null}. */
  static ExitWatch current() {
    return CURRENT.get();
  }
}
