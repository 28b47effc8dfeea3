package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.core.internal.env.EnvironmentFiles;
import dev.lambdalocal.core.internal.handler.HandlerFactory;
import dev.lambdalocal.core.internal.logging.OutputCapture;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link LocalLambda.Builder} was given, with Lambda's defaults (a 3-second timeout, 128 MB,
 * {@code $LATEST}), and its checks and assembly into a {@link FunctionConfig}: the public builder
 * keeps only its documented setters, each one statement that delegates here. Every setter returns
 * the builder these settings belong to.
 */
public final class LocalLambdaSettings {

  private final LocalLambda.Builder builder;

  private Object handler;
  private ClassLoader classLoader;
  private final List<Path> classpath = new ArrayList<>();
  private String functionName;
  private String functionVersion = "$LATEST";
  private String alias;
  private Duration timeout = Duration.ofSeconds(3);
  private Duration initTimeout = Duration.ofSeconds(10);
  private int memorySize = 128;
  private String region = "us-east-1";
  private String accountId = "123456789012";
  private final List<Path> environmentFiles = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Clock clock = Clock.systemUTC();
  private boolean quiet;
  private PrintStream console;
  private Function<String, Map<String, String>> platformEnvironment = name -> Map.of();

  /** Hold the settings of {@code builder}, which the setters return. */
  public LocalLambdaSettings(LocalLambda.Builder builder) {
    this.builder = builder;
  }

  /** Use a handler string: {@code package.Class} or {@code package.Class::method}. */
  public LocalLambda.Builder handler(String handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
    return builder;
  }

  /** Use a handler class, instantiated as the runtime instantiates it. */
  public LocalLambda.Builder handler(Class<?> handlerClass) {
    this.handler = Objects.requireNonNull(handlerClass, "handlerClass");
    return builder;
  }

  /** Use an existing handler instance. */
  public LocalLambda.Builder handlerInstance(Object instance) {
    this.handler = Objects.requireNonNull(instance, "instance");
    return builder;
  }

  /** Create the handler of {@code handlerClass} with {@code factory} in each init phase. */
  public <T> LocalLambda.Builder handlerFactory(
      Class<T> handlerClass, Supplier<? extends T> factory) {
    this.handler = new HandlerFactory(handlerClass, factory);
    return builder;
  }

  /** Load the handler string's class from this class loader (default: the context loader). */
  public LocalLambda.Builder classLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
    return builder;
  }

  /** Add directories and JARs to the function's class path. */
  public LocalLambda.Builder classpath(List<Path> entries) {
    this.classpath.addAll(entries);
    return builder;
  }

  /**
   * Load the function's code from its deployment package, replacing the class path and class loader
   * set before.
   *
   * @throws LambdaConfigurationException naming a package that is missing or not a ZIP
   */
  public LocalLambda.Builder artifact(Path zip) {
    FunctionArtifacts.ArtifactCode code = FunctionArtifacts.open(zip);
    this.classLoader = code.parent();
    this.classpath.clear();
    this.classpath.addAll(code.classpath());
    return builder;
  }

  /** Set the function name (default: the handler's simple class name). */
  public LocalLambda.Builder functionName(String functionName) {
    this.functionName = functionName;
    return builder;
  }

  /** Set the version the context reports. */
  public LocalLambda.Builder functionVersion(String functionVersion) {
    this.functionVersion = functionVersion;
    return builder;
  }

  /** Invoke through an alias. */
  public LocalLambda.Builder alias(String alias) {
    this.alias = alias;
    return builder;
  }

  /** Set the timeout; checked by {@link #config()}. */
  public LocalLambda.Builder timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    return builder;
  }

  /** Set the bound of the init phase; checked by {@link #config()}. */
  public LocalLambda.Builder initTimeout(Duration initTimeout) {
    this.initTimeout = Objects.requireNonNull(initTimeout, "initTimeout");
    return builder;
  }

  /** Set the memory size in MB; checked by {@link #config()}. */
  public LocalLambda.Builder memorySize(int megabytes) {
    this.memorySize = megabytes;
    return builder;
  }

  /** Set the region. */
  public LocalLambda.Builder region(String region) {
    this.region = Objects.requireNonNull(region, "region");
    return builder;
  }

  /** Set the account id of ARNs. */
  public LocalLambda.Builder accountId(String accountId) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    return builder;
  }

  /** Add environment variables; later ones override earlier ones and environment files. */
  public LocalLambda.Builder environment(Map<String, String> variables) {
    this.environment.putAll(variables);
    return builder;
  }

  /** Add one environment variable. */
  public LocalLambda.Builder environmentVariable(String name, String value) {
    this.environment.put(name, value);
    return builder;
  }

  /** Read variables from a SAM CLI-style env-vars file. */
  public LocalLambda.Builder environmentFile(Path file) {
    this.environmentFiles.add(file);
    return builder;
  }

  /** Use this clock for deadlines and dates. */
  public LocalLambda.Builder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return builder;
  }

  /** Do not echo the function's logs to the console. */
  public LocalLambda.Builder quiet(boolean quiet) {
    this.quiet = quiet;
    return builder;
  }

  /** Echo logs to this stream instead of the JVM's standard error. */
  public LocalLambda.Builder console(PrintStream console) {
    this.console = console;
    return builder;
  }

  /** Give each new execution environment the platform's variables, by function name. */
  public LocalLambda.Builder platformEnvironment(Function<String, Map<String, String>> variables) {
    this.platformEnvironment = Objects.requireNonNull(variables, "variables");
    return builder;
  }

  /**
   * Validate the settings and assemble the function's configuration; installs the capture of {@code
   * System.out} and {@code System.err} that the function's logs go through.
   *
   * @throws LambdaConfigurationException naming the setting at fault
   */
  public FunctionConfig config() {
    if (handler == null) {
      throw new LambdaConfigurationException("No handler: set one with handler(...)");
    }
    if (handler instanceof HandlerFactory && !classpath.isEmpty()) {
      throw new LambdaConfigurationException(
          "A handler factory creates its handler from the caller's classes:"
              + " it cannot be combined with classpath(...)");
    }
    FunctionConfig.checkTimeouts(timeout, initTimeout);
    String name =
        functionName != null
            ? functionName
            : HandlerNames.defaultFunctionName(HandlerNames.handlerString(handler));
    FunctionConfig.checkSizeAndName(memorySize, name);
    Map<String, String> userEnvironment =
        EnvironmentFiles.userVariables(environmentFiles, name, environment);
    OutputCapture.install();
    PrintStream echo = quiet ? null : console != null ? console : OutputCapture.originalErr();
    return new FunctionConfig(
        HandlerNames.handlerString(handler),
        handler,
        FunctionClassLoaders.of(classLoader, List.copyOf(classpath)),
        name,
        functionVersion,
        alias,
        timeout,
        initTimeout,
        memorySize,
        region,
        accountId,
        userEnvironment,
        clock,
        echo,
        platformEnvironment);
  }
}
