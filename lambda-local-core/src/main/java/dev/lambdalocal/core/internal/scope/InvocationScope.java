package dev.lambdalocal.core.internal.scope;

import java.util.Map;

/**
 * The per-invocation state that global JVM facilities ({@code System.out}, {@code System.err},
 * {@code System.getenv()}) consult, so that invocations running at the same time in one JVM stay
 * apart.
 *
 * <p>The scope is bound to the invocation's worker thread and inherited by the threads the handler
 * starts. Code outside any invocation sees no scope and therefore the JVM's own streams and
 * environment.
 */
public final class InvocationScope {

  private static final InheritableThreadLocal<InvocationScope> CURRENT =
      new InheritableThreadLocal<>();

  private final LogSink log;
  private final Map<String, String> environment;

  /**
   * Create a scope.
   *
   * @param log where the function's output goes
   * @param environment the complete environment the function sees (immutable)
   */
  public InvocationScope(LogSink log, Map<String, String> environment) {
    this.log = log;
    this.environment = Map.copyOf(environment);
  }

  /** Return the scope bound to the calling thread, or {@code null} outside any invocation. */
  public static InvocationScope current() {
    return CURRENT.get();
  }

  /** Bind this scope to the calling thread until the returned handle is closed. */
  public Binding bind() {
    InvocationScope previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** Return the sink of the function's output. */
  public LogSink log() {
    return log;
  }

  /** Return the environment variables the function sees. */
  public Map<String, String> environment() {
    return environment;
  }

  /** A binding of a scope to a thread; closing restores what was bound before. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  /** Receives the bytes a function writes to its standard streams or its {@code LambdaLogger}. */
  public interface LogSink {
    /**
     * Append output.
     *
     * @param bytes the buffer
     * @param offset the first byte to append
     * @param length how many bytes to append
     */
    void write(byte[] bytes, int offset, int length);
  }
}
