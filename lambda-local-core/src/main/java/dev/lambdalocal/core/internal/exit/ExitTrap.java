package dev.lambdalocal.core.internal.exit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a function's calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * become once {@link ExitCalls} has rewritten its classes.
 *
 * <p>A call made by a function's code (a class that an {@link ExitTrappingClassLoader} defined, or
 * code running on a thread of a function's invocation) records the exit for its execution
 * environment and throws {@link FunctionExit}. Any other call (code of the host that the agent
 * rewrote too, such as a test runner's own {@code System.exit}) exits as it always did.
 *
 * <p>Public because rewritten classes of any package call it; not an API.
 *
 * @since 0.1.0
 */
public final class ExitTrap {

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /** How many frames are searched for the function's class loader. */
  private static final int DEPTH = 256;

  private ExitTrap() {}

  /**
   * Replace {@code System.exit(status)}.
   *
   * @param status the exit status
   */
  public static void exit(int status) {
    trap(status, false);
    Runtime.getRuntime().exit(status);
  }

  /**
   * Replace {@code runtime.exit(status)}.
   *
   * @param runtime the runtime the function called
   * @param status the exit status
   */
  public static void exit(Runtime runtime, int status) {
    trap(status, false);
    runtime.exit(status);
  }

  /**
   * Replace {@code runtime.halt(status)}.
   *
   * @param runtime the runtime the function called
   * @param status the exit status
   */
  public static void halt(Runtime runtime, int status) {
    trap(status, true);
    runtime.halt(status);
  }

  /** Throw the function's exit if a function made the call; return if the host made it. */
  private static void trap(int status, boolean halt) {
    List<StackWalker.StackFrame> frames =
        WALKER.walk(
            stream ->
                stream
                    .dropWhile(frame -> frame.getDeclaringClass() == ExitTrap.class)
                    .limit(DEPTH)
                    .collect(Collectors.toList()));
    ExitWatch watch = null;
    for (StackWalker.StackFrame frame : frames) {
      if (frame.getDeclaringClass().getClassLoader() instanceof ExitTrappingClassLoader loader) {
        watch = loader.watch();
        break;
      }
    }
    if (watch == null) {
      watch = ExitWatch.current();
    }
    if (watch == null) {
      return;
    }
    FunctionExit exit =
        new FunctionExit(status, halt, frames.isEmpty() ? null : frames.get(0).toString());
    watch.record(exit);
    throw exit;
  }
}
