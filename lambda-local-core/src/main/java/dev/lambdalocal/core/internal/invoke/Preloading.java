package dev.lambdalocal.core.internal.invoke;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.lambdalocal.core.internal.logging.MemoryMeter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initializes, once per JVM and on a daemon thread, the classes every function needs before its
 * first invocation ends: the random source of identity and request ids, the runtime's Jackson
 * configuration (the bulk of a cold start), its event serializers' registry and the memory meter
 * of REPORT lines.
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
      // In the order a first invocation needs them: its caller's ids come first.
      UUID.randomUUID();
      JacksonFactory.getInstance();
      LambdaEventSerializers.isLambdaSupportedEvent(Object.class.getName());
      MemoryMeter.usedMegabytes();
    } catch (RuntimeException | LinkageError e) {
      // Deliberately not reported: whatever failed here fails again, with its real error and in
      // the right place, when a function initializes the same class.
    }
  }
}
