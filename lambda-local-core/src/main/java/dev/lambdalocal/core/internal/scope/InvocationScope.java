package dev.lambdalocal.core.internal.scope;

import java.util.Map;

/**
 * The per-invocation state that global JVM facilities ({@code System.out}, {@code System.err},
 * {@code System.getenv()}, the system property {@code com.amazonaws.xray.traceHeader}) consult, so
 * that invocations running at the same time in one JVM stay apart.
 *
 * <p>A scope is bound to the invocation's worker thread; every other thread finds its scope through
 * the {@link ExecutionEnvironment} it belongs to (its thread group), which knows its current
 * invocation. Threads that belong to no environment see no scope, and therefore the JVM's own
 * streams and (less its AWS credentials) its environment.
 */
public final class InvocationScope {

  /** Bound to a worker thread only; other threads find their scope through their environment. */
  private static final ThreadLocal<InvocationScope> CURRENT = new ThreadLocal<>();

  private final LogSink log;
  private final Map<String, String> environment;
  private final String traceHeader;

  /**
   * Create a scope without a trace header.
   *
   * @param log where the function's output goes
   * @param environment the complete environment the function sees (immutable)
   */
  public InvocationScope(LogSink log, Map<String, String> environment) {
    this(log, environment, null);
  }

  /**
   * Create a scope.
   *
   * @param log where the function's output goes
   * @param environment the complete environment the function sees (immutable)
   * @param traceHeader the X-Ray trace header of the invocation, or {@code null} (init phase)
   */
  public InvocationScope(LogSink log, Map<String, String> environment, String traceHeader) {
    this.log = log;
    this.environment = Map.copyOf(environment);
    this.traceHeader = traceHeader;
  }

  /**
   * Return the scope of the calling thread: the one bound to it, else its execution environment's,
   * else {@code null} (a thread that belongs to no function).
   */
  public static InvocationScope current() {
    InvocationScope bound = CURRENT.get();
    return bound != null ? bound : ExecutionEnvironment.scopeOfCurrentThread();
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

  /** Return the X-Ray trace header of the invocation, or {@code null}. */
  public String traceHeader() {
    return traceHeader;
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
