package dev.lambdalocal.core.internal.env;

import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.util.Properties;

/**
 * Make the system property {@code com.amazonaws.xray.traceHeader} answer with the X-Ray trace
 * header of the invocation running on the calling thread.
 *
 * <p>The AWS Lambda Java runtime interface client sets this property before each invocation to the
 * invocation's trace id, and clears it when the invocation has none ({@code
 * AWSLambda.setEnvVarForXrayTraceId}, aws-lambda-java-libs,
 * aws-lambda-java-runtime-interface-client, {@code LAMBDA_TRACE_HEADER_PROP}); the X-Ray SDK reads
 * it. System properties are global to the JVM, and invocations here run in parallel, so after
 * {@link #install()} the JVM's properties are a copy whose {@code getProperty} and {@code get} of
 * that one key consult the calling thread's {@link InvocationScope}: a function's threads see their
 * invocation's header (none during init); threads outside any function see the property as the JVM
 * has it.
 *
 * <p>A tool that later replaces the JVM's properties (restoring a saved copy, say) removes the
 * overlay; every invocation installs it again.
 */
public final class TraceHeaderProperty {

  /** The property the runtime sets: {@code com.amazonaws.xray.traceHeader}. */
  public static final String NAME = "com.amazonaws.xray.traceHeader";

  private static final Object LOCK = new Object();

  private TraceHeaderProperty() {}

  /** Install the overlay unless the JVM's properties already carry it. */
  public static void install() {
    if (System.getProperties() instanceof ScopedProperties) {
      return;
    }
    synchronized (LOCK) {
      Properties current = System.getProperties();
      if (!(current instanceof ScopedProperties)) {
        ScopedProperties scoped = new ScopedProperties();
        synchronized (current) {
          scoped.putAll(current);
        }
        System.setProperties(scoped);
      }
    }
  }

  /** The JVM's properties, with {@link #NAME} read from the calling thread's invocation. */
  private static final class ScopedProperties extends Properties {
    private static final long serialVersionUID = 1L;

    ScopedProperties() {
      super();
    }

    @Override
    public String getProperty(String key) {
      if (NAME.equals(key)) {
        InvocationScope scope = InvocationScope.current();
        if (scope != null) {
          return scope.traceHeader();
        }
      }
      return super.getProperty(key);
    }

    @Override
    public Object get(Object key) {
      if (NAME.equals(key)) {
        InvocationScope scope = InvocationScope.current();
        if (scope != null) {
          return scope.traceHeader();
        }
      }
      return super.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }
  }
}
