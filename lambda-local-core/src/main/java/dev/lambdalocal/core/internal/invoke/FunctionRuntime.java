package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.internal.env.EnvironmentOverlay;
import dev.lambdalocal.core.internal.env.LambdaVariables;
import dev.lambdalocal.core.internal.env.TraceHeaderProperty;
import dev.lambdalocal.core.internal.exit.ExitWatch;
import dev.lambdalocal.core.internal.exit.FunctionExit;
import dev.lambdalocal.core.internal.handler.HandlerFactory;
import dev.lambdalocal.core.internal.handler.HandlerFault;
import dev.lambdalocal.core.internal.handler.HandlerLoader;
import dev.lambdalocal.core.internal.handler.LoadedHandler;
import dev.lambdalocal.core.internal.logging.ContextLogger;
import dev.lambdalocal.core.internal.logging.LogBuffer;
import dev.lambdalocal.core.internal.logging.PlatformLines;
import dev.lambdalocal.core.internal.scope.ExecutionEnvironment;
import dev.lambdalocal.core.internal.scope.InvocationScope;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers.Platform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOError;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One function's execution environment: the loaded handler (warm between invocations), its init
 * phase and its invocations with their deadlines, logs and reports.
 */
public final class FunctionRuntime implements AutoCloseable {

  private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

  private final FunctionConfig config;
  private final WorkerPool workers;

  /** The END and REPORT lines and the result of each invocation. */
  private final InvocationReports reports;

  /** The threads of this function and the invocation they serve (see ExecutionEnvironment). */
  private final ExecutionEnvironment threads;

  /** The class loader of the current execution environment, and what depends on it. */
  private ClassLoader classLoader;

  private RuntimeSerializers serializers;
  private HandlerLoader loader;

  /** The exit calls of the current execution environment's code. */
  private ExitWatch exits;

  /** Whether the next init phase gets a new class loader (after a cold start). */
  private boolean renewClassLoader;

  private final Object invocationLock = new Object();

  /** The warm handler, or {@code null} when the next invocation starts cold. */
  private LoadedHandler handler;

  private String logStreamName;

  /** The environment variables of the current execution environment, without the trace id. */
  private Map<String, String> baseEnvironment;

  /** Create the environment of a validated function; nothing of the function runs yet. */
  public FunctionRuntime(FunctionConfig config) {
    this.reports = new InvocationReports(config);
    EnvironmentOverlay.install();
    TraceHeaderProperty.install();
    this.config = config;
    useClassLoader(config.classLoaders().get());
    this.threads = new ExecutionEnvironment("lambda-local-" + config.functionName(), null);
    this.workers = new WorkerPool(config.functionName(), threads);
    startLogStream();
  }

  private void useClassLoader(ClassLoader newLoader) {
    this.classLoader = newLoader;
    this.serializers = new RuntimeSerializers(newLoader);
    this.loader = new HandlerLoader(serializers);
  }

  /** Return the configuration. */
  public FunctionConfig config() {
    return config;
  }

  /** Serialize an event object with the runtime's serializer for its class. */
  public byte[] serialize(Object event) {
    if (event == null) {
      return NULL.clone();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializers.forType(event.getClass(), Platform.UNKNOWN).toJson(event, out);
    return out.toByteArray();
  }

  /** Deserialize JSON as the runtime deserializes an event of {@code type}. */
  public Object deserialize(String json, Type type) {
    return serializers.forType(type, Platform.UNKNOWN).fromJson(json);
  }

  /** Create a context for a direct handler call, its deadline one timeout from now. */
  public LocalContext newContext(InvokeOptions options) {
    LogBuffer log = new LogBuffer(config.console());
    return newContext(
        InvocationIds.requestId(options),
        options,
        log,
        InvocationIds.traceId(options, config.clock()));
  }

  /** Run the init phase if the environment is cold; return its error, if any. */
  public LambdaError initialize() {
    synchronized (invocationLock) {
      if (handler != null) {
        return null;
      }
      LogBuffer log = new LogBuffer(config.console());
      Init init = runInit(log, config.initTimeout().toNanos() + config.timeout().toNanos());
      return init.error(this, InvocationIds.requestId(InvokeOptions.defaults()));
    }
  }

  /** Ready the worker that will run the next invocation (see {@link WorkerPool#prepare}). */
  public void prepareInvocation() {
    workers.prepare();
  }

  /** Discard the handler: the next invocation runs the init phase again. */
  public void coldStart() {
    synchronized (invocationLock) {
      discardEnvironment();
    }
  }

  /** Invoke the function once with these payload bytes. */
  @SuppressWarnings("try") // the serving handle is there to be closed, not read
  public InvocationResult invoke(byte[] payload, InvokeOptions options) {
    synchronized (invocationLock) {
      TraceHeaderProperty.install();
      String requestId = InvocationIds.requestId(options);
      String traceId = InvocationIds.traceId(options, config.clock());
      LogBuffer log = new LogBuffer(config.console());
      long limitNanos = config.timeout().toNanos();

      Double initMs = null;
      if (handler != null && exits.exit() != null) {
        // A thread of the function exited after its invocation: that runtime process is gone.
        discardEnvironment();
      }
      if (handler == null) {
        // An init that overruns its 10 s is retried by Lambda within the first invocation, under
        // the function timeout; here it simply goes on, and what it used beyond 10 s is taken
        // from the invocation's time.
        Init init = runInit(log, config.initTimeout().toNanos() + limitNanos);
        initMs = init.durationMs;
        if (init.error != null || init.timedOut || init.exit != null) {
          log.appendLine(PlatformLines.start(requestId, config.functionVersion()));
          LambdaError error = init.error(this, requestId);
          return reports.finish(requestId, log, error, init.timedOut, null, null, 0, initMs);
        }
        limitNanos -= Math.max(0, init.nanos - config.initTimeout().toNanos());
      }

      log.appendLine(PlatformLines.start(requestId, config.functionVersion()));
      LocalContext context = newContext(requestId, options, log, traceId);
      LoadedHandler current = handler;
      InvocationScope scope = new InvocationScope(log, environment(traceId), traceId);
      long invokeStart = System.nanoTime();
      ExitWatch watch = exits;
      WorkerPool.Outcome<Invocation> outcome;
      try (InvocationScope.Binding serving = threads.serve(scope)) {
        WorkerPool.Task<Invocation> task =
            workers.start(
                scope,
                classLoader,
                () ->
                    watch.run(
                        () -> {
                          ByteArrayOutputStream out = new ByteArrayOutputStream();
                          Object value =
                              current.handle(new ByteArrayInputStream(payload), out, context);
                          return new Invocation(out.toByteArray(), value);
                        }));
        outcome = task.await(limitNanos);
        if (outcome == null) {
          outcome = task.interrupt();
        }
      }
      long durationNanos = System.nanoTime() - invokeStart;

      FunctionExit exit = watch.exit();
      if (exit != null) {
        // Whatever the handler did after it (caught the error, went on, timed out), its runtime
        // process would be gone: Lambda reports the exit and starts a new environment.
        log.appendLine(exit.logLine());
        discardEnvironment();
        return reports.finish(
            requestId,
            log,
            exit.toLambdaError(requestId),
            false,
            null,
            null,
            durationNanos,
            initMs);
      }

      if (outcome.timedOut()) {
        LambdaError error = reports.timeoutError(requestId);
        if (outcome.stuckThread() != null) {
          log.appendLine(
              "lambda-local: thread "
                  + outcome.stuckThread()
                  + " of function "
                  + config.functionName()
                  + " ("
                  + config.handlerString()
                  + ")"
                  + " ignored its interruption after the timeout and is still running;"
                  + " it is abandoned and later invocations run on other threads");
        }
        // Lambda replaces the execution environment after a timeout.
        discardEnvironment();
        return reports.finish(requestId, log, error, true, null, null, durationNanos, initMs);
      }
      if (outcome.failure() != null) {
        Throwable failure = outcome.failure();
        LambdaError error;
        if (failure instanceof HandlerFault fault) {
          error = fault.toLambdaError();
          log.appendLine(fault.reportableError().stripTrailing());
          if (fault.fatal()) {
            // The runtime exits after a fatal fault; Lambda starts a new environment.
            discardEnvironment();
          }
        } else {
          error = LambdaError.of(failure);
          log.appendLine(HandlerFault.of(failure, false).reportableError().stripTrailing());
          if (failure instanceof VirtualMachineError || failure instanceof IOError) {
            // The runtime exits on these; the next invocation gets a new environment.
            discardEnvironment();
          }
        }
        return reports.finish(requestId, log, error, false, null, null, durationNanos, initMs);
      }
      Invocation done = outcome.value();
      return reports.finish(
          requestId, log, null, false, done.payload, done.value, durationNanos, initMs);
    }
  }

  /** The outcome of an init phase. */
  private record Init(
      LambdaError error, boolean timedOut, FunctionExit exit, double durationMs, long nanos) {

    /** Return the init error as an invocation with this request id reports it, or null. */
    LambdaError error(FunctionRuntime runtime, String requestId) {
      return exit != null
          ? exit.toLambdaError(requestId)
          : timedOut ? runtime.reports.timeoutError(requestId) : error;
    }
  }

  @SuppressWarnings("try") // the serving handle is there to be closed, not read
  private Init runInit(LogBuffer log, long limitNanos) {
    startLogStream();
    if (renewClassLoader) {
      ClassLoader next = config.classLoaders().get();
      if (next != classLoader) {
        useClassLoader(next);
      }
      renewClassLoader = false;
    }
    exits = ExitWatch.of(classLoader);
    ExitWatch watch = exits;
    InvocationScope scope = new InvocationScope(log, environment(null));
    long start = System.nanoTime();
    WorkerPool.Outcome<LoadedHandler> outcome;
    try (InvocationScope.Binding serving = threads.serve(scope)) {
      WorkerPool.Task<LoadedHandler> task =
          workers.start(scope, classLoader, () -> watch.run(this::load));
      outcome = task.await(limitNanos);
      if (outcome == null) {
        outcome = task.interrupt();
      }
    }
    long nanos = System.nanoTime() - start;
    double durationMs = nanos / 1_000_000.0;
    FunctionExit exit = watch.exit();
    if (exit != null) {
      log.appendLine(exit.logLine());
      discardEnvironment();
      return new Init(null, false, exit, durationMs, nanos);
    }
    if (outcome.timedOut()) {
      return new Init(null, true, null, durationMs, nanos);
    }
    if (outcome.failure() instanceof LambdaConfigurationException mistake) {
      // A handler factory that returned no handler: the caller's mistake, not the function's.
      // The environment stays cold and the caller gets the exception on its own thread.
      throw new LambdaConfigurationException(
          "Function " + config.functionName() + ": " + mistake.getMessage(), mistake);
    }
    if (outcome.failure() != null) {
      Throwable failure = outcome.failure();
      HandlerFault fault = failure instanceof HandlerFault f ? f : initError(failure);
      log.appendLine(fault.reportableError().stripTrailing());
      return new Init(fault.toLambdaError(), false, null, durationMs, nanos);
    }
    handler = outcome.value();
    return new Init(null, false, null, durationMs, nanos);
  }

  private void discardEnvironment() {
    handler = null;
    renewClassLoader = true;
  }

  private LoadedHandler load() {
    Object source = config.handlerSource();
    if (source instanceof String handlerString) {
      return loader.load(handlerString, classLoader);
    }
    if (source instanceof Class<?> handlerClass) {
      return loader.load(handlerClass);
    }
    if (source instanceof HandlerFactory factory) {
      return loader.load(factory);
    }
    return loader.load(source);
  }

  private LocalContext newContext(
      String requestId, InvokeOptions options, LogBuffer log, String traceId) {
    long deadline = config.clock().millis() + config.timeout().toMillis();
    return new LocalContext(
        config,
        logStreamName,
        requestId,
        deadline,
        options.identity(),
        options.clientContext(),
        new ContextLogger(log),
        options.tenantId(),
        traceId);
  }

  /** Name a new log stream, as each execution environment has its own, and derive its variables. */
  private void startLogStream() {
    logStreamName = InvocationIds.logStreamName(config.functionVersion(), config.clock());
    Map<String, String> environment =
        new HashMap<>(
            LambdaVariables.reserved(
                config.functionName(),
                config.functionVersion(),
                config.memorySizeMb(),
                config.region(),
                config.handlerString(),
                config.logGroupName(),
                logStreamName));
    environment.putAll(
        LambdaVariables.withPlatform(config.platformEnvironment().apply(config.functionName())));
    environment.putAll(config.userEnvironment());
    baseEnvironment = Map.copyOf(environment);
    // Between invocations the function's threads keep its variables; their output reaches the
    // console only, as no invocation's log is open.
    threads.idle(new InvocationScope(LogBuffer.echoOnly(config.console()), baseEnvironment));
  }

  private Map<String, String> environment(String traceId) {
    if (traceId == null) {
      return baseEnvironment;
    }
    Map<String, String> environment = new HashMap<>(baseEnvironment);
    environment.put("_X_AMZN_TRACE_ID", traceId);
    return environment;
  }

  /** Report a throwable that escaped the handler loader as the runtime reports init errors. */
  private HandlerFault initError(Throwable failure) {
    return HandlerFault.initError(failure, HandlerNames.className(config.handlerString()));
  }

  /** The result of a successful handler call. */
  private record Invocation(byte[] payload, Object value) {}

  @Override
  public void close() {
    workers.close();
    threads.retire(threads.scope());
  }
}
