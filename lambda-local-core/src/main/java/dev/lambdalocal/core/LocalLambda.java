package dev.lambdalocal.core;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.internal.invoke.FunctionConfig;
import dev.lambdalocal.core.internal.invoke.FunctionRuntime;
import dev.lambdalocal.core.internal.invoke.LocalLambdaSettings;
import dev.lambdalocal.core.internal.invoke.Preloading;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Lambda function running in this JVM with the AWS Java runtime's semantics: the handler is
 * resolved as the runtime resolves it, events and results go through the runtime's serializers,
 * each invocation gets a {@link Context} with a real deadline and runs on a worker thread that is
 * interrupted when the timeout strikes, and the function sees Lambda's environment variables.
 *
 * <p>The handler instance is kept between invocations (a warm execution environment) until {@link
 * #coldStart()}, a timeout or a fatal error discards it; the next invocation then runs the init
 * phase again and reports its {@code Init Duration}.
 *
 * <pre>{@code
 * try (LocalLambda lambda = LocalLambda.builder().handler("example.Hello::handleRequest").build()) {
 *   InvocationResult result = lambda.invokeJson("{\"name\":\"Ada\"}");
 *   assertThat(result.payloadAsString()).isEqualTo("\"Hello, Ada\"");
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe; invocations of one instance run one at a time, as in one Lambda
 * execution environment. Use one instance per concurrent "environment" to invoke in parallel.
 *
 * @since 0.1.0
 */
public final class LocalLambda implements AutoCloseable {

  private final FunctionRuntime runtime;

  private LocalLambda(FunctionConfig config) {
    this.runtime = new FunctionRuntime(config);
  }

  /** Start configuring a function. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Invoke the function with an event object, serialized as the runtime would receive it.
   *
   * @param event the event; {@code null} sends {@code null}
   * @return the result
   */
  public InvocationResult invoke(Object event) {
    return invoke(event, InvokeOptions.defaults());
  }

  /**
   * Invoke the function with an event object and options.
   *
   * @param event the event, serialized with the runtime's serializer for its class
   * @param options identity, client context and ids of this invocation
   * @return the result
   */
  public InvocationResult invoke(Object event, InvokeOptions options) {
    return runtime.invoke(runtime.serialize(event), options);
  }

  /**
   * Invoke the function with a JSON payload, as the Invoke API's {@code Payload}.
   *
   * @param json the payload
   * @return the result
   */
  public InvocationResult invokeJson(String json) {
    return invokeJson(json, InvokeOptions.defaults());
  }

  /**
   * Invoke the function with a JSON payload and options.
   *
   * @param json the payload
   * @param options identity, client context and ids of this invocation
   * @return the result
   */
  public InvocationResult invokeJson(String json, InvokeOptions options) {
    return runtime.invoke(json.getBytes(StandardCharsets.UTF_8), options);
  }

  /**
   * Invoke the function with raw payload bytes and options.
   *
   * @param payload the payload bytes, passed to the handler unchanged
   * @param options identity, client context and ids of this invocation
   * @return the result
   */
  public InvocationResult invokePayload(byte[] payload, InvokeOptions options) {
    return runtime.invoke(payload.clone(), options);
  }

  /**
   * Start initializing, on a background thread, what the first function of this JVM needs anyway:
   * the Lambda runtime's JSON serializers (most of a cold start), request ids and the memory meter.
   * For a process that runs one function and exits (a command line) and has other work to do first:
   * on two or more cores the two overlap. Returns at once; later calls do nothing.
   *
   * @since 0.1.0
   */
  public static void preload() {
    Preloading.start();
  }

  /**
   * Announce that an invocation will follow within microseconds: the function's idle worker thread
   * wakes now, while the caller finishes its own work, instead of when the invocation starts (a
   * wake-up costs tens of microseconds on small virtual machines). Never required; servers that
   * invoke a function per request call it once they know the function (see {@code docs/core.md}).
   *
   * @since 0.1.0
   */
  public void prepareInvocation() {
    runtime.prepareInvocation();
  }

  /**
   * Deserialize JSON into {@code type} exactly as the runtime would deserialize an event for this
   * function (custom serializer, event mixins, or the runtime's Jackson configuration).
   *
   * @param json the JSON text
   * @param type the target type
   * @return the object
   */
  public Object deserialize(String json, Type type) {
    return runtime.deserialize(json, type);
  }

  /**
   * Create a context for calling a handler directly, with a deadline of the function's timeout from
   * now.
   *
   * @param options identity, client context and ids
   * @return a new context
   */
  public Context newContext(InvokeOptions options) {
    return runtime.newContext(options);
  }

  /**
   * Run the init phase now (resolve the handler, run static initializers and the constructor) if
   * the environment is cold; it otherwise runs on the next invocation.
   *
   * <p>As in Lambda, only fatal failures (a static initializer or constructor that throws) fail the
   * init phase; a handler that cannot be resolved (class or method not found) is reported by every
   * invocation instead, with the runtime's error document.
   *
   * @return the init error, or {@code null} when the init phase completed
   */
  public LambdaError initialize() {
    return runtime.initialize();
  }

  /** Discard the handler instance: the next invocation starts a new execution environment. */
  public void coldStart() {
    runtime.coldStart();
  }

  /** Return the function's timeout. */
  public Duration timeout() {
    return runtime.config().timeout();
  }

  /** Return the bound of the function's init phase (10 s, as in Lambda, unless configured). */
  public Duration initTimeout() {
    return runtime.config().initTimeout();
  }

  /** Return the function's name. */
  public String functionName() {
    return runtime.config().functionName();
  }

  /** Stop the worker threads. */
  @Override
  public void close() {
    runtime.close();
  }

  /**
   * Configures a {@link LocalLambda}. Only the handler is required; the other defaults are
   * Lambda's: a 3-second timeout, 128 MB, {@code $LATEST}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final LocalLambdaSettings settings = new LocalLambdaSettings(this);

    private Builder() {}

    /**
     * Use a handler string as Lambda's handler setting takes it: {@code package.Class} or {@code
     * package.Class::method}.
     */
    public Builder handler(String handler) {
      return settings.handler(handler);
    }

    /** Use a handler class, instantiated as the runtime instantiates it. */
    public Builder handler(Class<?> handlerClass) {
      return settings.handler(handlerClass);
    }

    /**
     * Use an existing handler instance ({@code RequestHandler} or {@code RequestStreamHandler}); it
     * is never re-created, so {@link LocalLambda#coldStart()} only re-runs the init bookkeeping.
     */
    public Builder handlerInstance(Object instance) {
      return settings.handlerInstance(instance);
    }

    /**
     * Create the handler with a factory instead of the class's no-argument constructor, e.g. to
     * give it collaborators (a mock client, a fixed clock) that its constructor would otherwise
     * build.
     *
     * <p>The factory runs where Lambda calls the constructor: in the init phase, on the function's
     * thread, with the function's environment variables and its class loader as the context class
     * loader, after {@code handlerClass}'s static initializers. Its time is the {@code Init
     * Duration} of the REPORT line; an exception it throws fails the init phase exactly as a
     * throwing constructor does (the runtime's error document, the environment discarded); and it
     * runs again at every cold start ({@link LocalLambda#coldStart()}, a timeout, a fatal error),
     * so each execution environment has a handler of its own. Each function calls its factory on
     * one thread at a time; a factory shared by functions that run in parallel must be thread-safe.
     *
     * <p>A factory that returns {@code null} or an object that is not a {@code handlerClass} is a
     * mistake of the caller, not a behaviour of the function: the invocation (or {@link
     * LocalLambda#initialize()}) throws a {@link LambdaConfigurationException} that says so, with
     * the cause; so does a factory that throws a {@code LambdaConfigurationException} itself (how
     * adapters such as lambda-local-junit report their own checks of the handler).
     *
     * @param handlerClass the handler's class, a {@code RequestHandler} or {@code
     *     RequestStreamHandler}: Lambda's {@code _HANDLER} and the default function name
     * @param factory creates the handler, once per execution environment
     * @param <T> the handler's type
     * @return this builder
     * @since 0.1.0
     */
    public <T> Builder handlerFactory(Class<T> handlerClass, Supplier<? extends T> factory) {
      return settings.handlerFactory(handlerClass, factory);
    }

    /** Load the handler string's class from this class loader (default: the context loader). */
    public Builder classLoader(ClassLoader classLoader) {
      return settings.classLoader(classLoader);
    }

    /**
     * Load the function's code from these directories and JARs, in a class loader whose parent is
     * lambda-local's own (so {@code aws-lambda-java-core} is shared, as in Lambda). Each new
     * execution environment (after a cold start) gets a new class loader, so the function's static
     * initializers run again, as in Lambda.
     */
    public Builder classpath(List<Path> entries) {
      return settings.classpath(entries);
    }

    /**
     * Load the function's code from its deployment package, as Lambda's Java runtime does: the ZIP
     * is extracted once, and its class path is the package's root, then {@code lib/*.jar} in
     * lexical order, over a parent that holds only the JDK and what the runtime itself provides
     * (aws-lambda-java-core, aws-lambda-java-serialization). Nothing else of the caller's class
     * path is visible, so a dependency missing from the package fails as it would in Lambda. Give
     * the handler as a string; this replaces {@link #classpath(List)} and {@link
     * #classLoader(ClassLoader)} set before. See {@code docs/shipping.md}.
     *
     * @throws LambdaConfigurationException naming a package that is missing or not a ZIP
     * @since 0.1.0
     */
    public Builder artifact(Path zip) {
      return settings.artifact(zip);
    }

    /** Set the function name (default: the handler's simple class name). */
    public Builder functionName(String functionName) {
      return settings.functionName(functionName);
    }

    /** Set the version the context reports (default {@code $LATEST}). */
    public Builder functionVersion(String functionVersion) {
      return settings.functionVersion(functionVersion);
    }

    /** Invoke through an alias: the invoked ARN ends with {@code :<alias>}. */
    public Builder alias(String alias) {
      return settings.alias(alias);
    }

    /** Set the timeout, whole seconds from 1 to 900 (default 3 s). */
    public Builder timeout(Duration timeout) {
      return settings.timeout(timeout);
    }

    /** Set the bound of the init phase (default 10 s, as in Lambda). */
    public Builder initTimeout(Duration initTimeout) {
      return settings.initTimeout(initTimeout);
    }

    /** Set the memory size in MB, 128 to 10240 (default 128). */
    public Builder memorySize(int megabytes) {
      return settings.memorySize(megabytes);
    }

    /** Set the region (default {@code us-east-1}). */
    public Builder region(String region) {
      return settings.region(region);
    }

    /** Set the account id of ARNs (default {@code 123456789012}). */
    public Builder accountId(String accountId) {
      return settings.accountId(accountId);
    }

    /** Add environment variables; later calls override earlier ones and environment files. */
    public Builder environment(Map<String, String> variables) {
      return settings.environment(variables);
    }

    /** Add one environment variable. */
    public Builder environmentVariable(String name, String value) {
      return settings.environmentVariable(name, value);
    }

    /**
     * Read variables from a SAM CLI-style env-vars file: {@code {"Parameters": {…}}} for every
     * function and {@code {"<FunctionName>": {…}}} for this one.
     */
    public Builder environmentFile(Path file) {
      return settings.environmentFile(file);
    }

    /** Use this clock for deadlines and dates (default: the system clock). */
    public Builder clock(Clock clock) {
      return settings.clock(clock);
    }

    /** Do not echo the function's logs to the console; they are still captured. */
    public Builder quiet(boolean quiet) {
      return settings.quiet(quiet);
    }

    /** Echo logs to this stream instead of the JVM's standard error. */
    public Builder console(PrintStream console) {
      return settings.console(console);
    }

    /**
     * Let the platform the function runs on give each new execution environment variables, as
     * Lambda gives it its execution role's credentials: the function, given the function's name, is
     * called at every cold start. Of Lambda's reserved variables it may set only {@code
     * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN} (replacing
     * the dummy credentials); its other variables (such as {@code AWS_ENDPOINT_URL}) are defaults
     * that the function's own variables override. The offline account of lambda-local-cognito-mock
     * uses this.
     *
     * @since 0.1.0
     */
    public Builder platformEnvironment(Function<String, Map<String, String>> variables) {
      return settings.platformEnvironment(variables);
    }

    /**
     * Validate the settings and create the function; its init phase runs on the first invocation.
     *
     * @throws LambdaConfigurationException naming the setting at fault
     */
    public LocalLambda build() {
      return new LocalLambda(settings.config());
    }
  }
}
