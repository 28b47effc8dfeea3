package dev.lambdalocal.core.internal.invoke;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.lambdalocal.core.internal.logging.MemoryMeter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initializes, once per JVM and on a daemon thread, the classes every function needs before its
 * first invocation ends: first the runtime's Jackson configuration and its event serializers'
 * registry, the longest part of a cold start, then the memory meter of REPORT lines (which a caller
 * that gets there first initializes itself). Identity ids' secure random source is not preloaded:
 * most invocations have no identity, and its set-up costs CPU a cold start would pay for nothing.
 */
public final class Preloading {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Preloading() {}

  /** Start the preloading thread, the first time only. */
  public static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(Preloading::preload, "lambda-local-preload");
    thread.setDaemon(true);
    thread.start();
  }

  private static void preload() {
    try {
      JacksonFactory.getInstance();
      LambdaEventSerializers.isLambdaSupportedEvent(Object.class.getName());
      MemoryMeter.usedMegabytes();
    } catch (RuntimeException | LinkageError e) {
      // Deliberately not reported: whatever failed here fails again, with its real error and in
      // the right place, when a function initializes the same class.
    }
  }
}
