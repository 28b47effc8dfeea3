package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The function a test runs, as its {@link LambdaTest @LambdaTest} annotations (or its {@code
 * LocalLambdaExtension}, see {@link Registrations}) and the configuration parameters describe it:
 * defaults from the configuration parameters, then the annotations of the outermost class down to
 * the test method, each replacing what it sets.
 *
 * <p>Two settings are equal when they describe the same function; where each value came from is
 * kept only for error messages.
 *
 * @since 0.1.0
 */
public final class FunctionSettings {

  private static final int MIN_MEMORY = 128;
  private static final int MAX_MEMORY = 10_240;
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

  private final Values values;
  private final String origin;
  private final Map<String, String> origins;
  private final ClassLoader loader;

  /** What identifies a function; everything but the origins. */
  private record Values(
      Object handler,
      String functionName,
      Duration timeout,
      int memorySize,
      String region,
      Map<String, String> environment,
      List<Path> environmentFiles,
      ColdStart coldStart,
      boolean quiet,
      Path artifact) {

    // Written out: a record's generated equals/hashCode bootstrap java.lang.runtime.ObjectMethods
    // on first use, tens of milliseconds of a cold start's CPU (benchmarks/coldstart.sh).
    @Override
    public boolean equals(Object other) {
      return other instanceof Values that
          && Objects.equals(handler, that.handler)
          && Objects.equals(functionName, that.functionName)
          && timeout.equals(that.timeout)
          && memorySize == that.memorySize
          && region.equals(that.region)
          && environment.equals(that.environment)
          && environmentFiles.equals(that.environmentFiles)
          && coldStart == that.coldStart
          && quiet == that.quiet
          && Objects.equals(artifact, that.artifact);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          handler,
          functionName,
          timeout,
          memorySize,
          region,
          environment,
          environmentFiles,
          coldStart,
          quiet,
          artifact);
    }
  }

  private FunctionSettings(
      Values values, String origin, Map<String, String> origins, ClassLoader loader) {
    this.values = values;
    this.origin = origin;
    this.origins = origins;
    this.loader = loader;
  }

  /**
   * Resolve the settings of {@code context}: of its test method when it has one, else of its class.
   *
   * @param context the current context
   * @return the settings
   * @throws ExtensionConfigurationException naming the annotation attribute or configuration
   *     parameter whose value is wrong
   */
  public static FunctionSettings resolve(ExtensionContext context) {
    Merge merge = new Merge(Stores.classLoader(context));
    merge.defaults(context);
    Optional<Registrations.Found> registered = Registrations.find(context);
    if (registered.isPresent()) {
      registered.get().rejectAnnotations(context);
      merge.apply(registered.get(), true, context);
      return merge.result();
    }
    List<ExtensionContext> classes = Stores.classLevels(context);
    for (int i = classes.size() - 1; i >= 0; i--) {
      Class<?> testClass = classes.get(i).getRequiredTestClass();
      AnnotationSupport.findAnnotation(testClass, LambdaTest.class)
          .ifPresent(annotation -> merge.apply(annotation, testClass));
    }
    context
        .getTestMethod()
        .ifPresent(
            method ->
                AnnotationSupport.findAnnotation(method, LambdaTest.class)
                    .ifPresent(annotation -> merge.apply(annotation, method)));
    merge.lambdaService(context);
    return merge.result();
  }

  /**
   * Resolve the settings of a function that a class declares by name, e.g. an {@code @ApiFunction}
   * of {@code @WithApiGateway}: the class's {@code @LambdaTest} settings and the configuration
   * parameters, with this handler and function name.
   *
   * @param classContext the context of the class that declares the function
   * @param functionName the function's name
   * @param handler the handler class, or {@code void.class}
   * @param method the handler method on {@code handler}, or empty
   * @param handlerName the handler string, or empty
   * @param describe names the declaration in messages, given the attributes that are wrong (e.g.
   *     {@code handler = Greeter.class}), or {@code ""} for the declaration itself
   * @return the settings
   * @throws ExtensionConfigurationException naming the declaration when the handler is wrong
   */
  public static FunctionSettings resolveNamed(
      ExtensionContext classContext,
      String functionName,
      Class<?> handler,
      String method,
      String handlerName,
      Describer describe) {
    Merge merge = new Merge(Stores.classLoader(classContext));
    merge.defaults(classContext);
    List<ExtensionContext> classes = Stores.classLevels(classContext);
    for (int i = classes.size() - 1; i >= 0; i--) {
      Class<?> testClass = classes.get(i).getRequiredTestClass();
      AnnotationSupport.findAnnotation(testClass, LambdaTest.class)
          .ifPresent(annotation -> merge.apply(annotation, testClass));
    }
    Registrations.find(classContext).ifPresent(found -> merge.apply(found, false, classContext));
    merge.origin = describe.describe("");
    merge.handler = null;
    merge.handlerLoader = merge.loader;
    merge.applyHandler(handler, method, handlerName, describe);
    if (merge.handler == null) {
      throw new ExtensionConfigurationException(
          describe.describe("") + ": set handler or handlerName");
    }
    merge.functionName = functionName;
    merge.coldStart = ColdStart.PER_CLASS;
    merge.lambdaService(classContext);
    return merge.result();
  }

  /**
   * Names a declaration of a function in messages.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Describer {
    /**
     * Describe the declaration with the attributes that a message is about.
     *
     * @param attributes e.g. {@code handler = Greeter.class}; empty for the declaration itself
     * @return e.g. {@code @LambdaTest(handler = Greeter.class) on class pkg.Tests}
     */
    String describe(String attributes);
  }

  /** Return whether a handler is configured. */
  public boolean hasHandler() {
    return values.handler != null;
  }

  /** Return the cold start policy, never {@link ColdStart#DEFAULT}. */
  public ColdStart coldStart() {
    return values.coldStart;
  }

  /** Return the region. */
  public String region() {
    return values.region;
  }

  /** Return where the innermost annotation is, for messages: {@code @LambdaTest on class …}. */
  public String origin() {
    return origin;
  }

  /**
   * Create the function.
   *
   * @return a new function; the caller closes it
   * @throws ExtensionConfigurationException if lambda-local rejects the settings, with its message
   */
  public LocalLambda build() {
    return build(null, UnaryOperator.identity());
  }

  /**
   * Create the function of a class or test.
   *
   * @param owner the context the function belongs to, given to a handler factory that takes it
   * @return a new function; the caller closes it
   * @throws ExtensionConfigurationException if lambda-local rejects the settings, with its message
   */
  public LocalLambda build(ExtensionContext owner) {
    return build(owner, UnaryOperator.identity());
  }

  /**
   * Create the function of a class or test, letting {@code platform} add to its builder last (the
   * offline account of {@code @WithOfflineAccount}).
   *
   * @param owner the context the function belongs to, given to a handler factory that takes it
   * @param platform adds to the builder
   * @return a new function; the caller closes it
   * @throws ExtensionConfigurationException if lambda-local rejects the settings, with its message
   */
  public LocalLambda build(ExtensionContext owner, UnaryOperator<LocalLambda.Builder> platform) {
    LocalLambda.Builder builder = LocalLambda.builder();
    if (values.artifact != null) {
      // The handler's class comes from the package, whatever the test's class path holds.
      try {
        builder.artifact(values.artifact);
      } catch (LambdaConfigurationException e) {
        throw new ExtensionConfigurationException(origin + ": " + e.getMessage(), e);
      }
      builder.handler(
          values.handler instanceof Class<?> handlerClass
              ? handlerClass.getName()
              : (String) values.handler);
    } else if (values.handler instanceof Class<?> handlerClass) {
      builder.handler(handlerClass);
    } else if (values.handler instanceof Registration.Factory factory) {
      FactoryMistake.checked(builder, factory, origin, owner);
    } else {
      builder.handler((String) values.handler).classLoader(loader);
    }
    if (values.functionName != null) {
      builder.functionName(values.functionName);
    }
    builder
        .timeout(values.timeout)
        .memorySize(values.memorySize)
        .region(values.region)
        .quiet(values.quiet);
    values.environmentFiles.forEach(builder::environmentFile);
    builder.environment(values.environment);
    try {
      return platform.apply(builder).build();
    } catch (LambdaConfigurationException e) {
      throw new ExtensionConfigurationException(
          SettingOrigins.blame(e.getMessage(), origins, origin) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FunctionSettings settings && values.equals(settings.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Settings being merged from the outermost source to the innermost. */
  private static final class Merge {
    private final ClassLoader loader;
    private ClassLoader handlerLoader;
    private Object handler;
    private String functionName;
    private Duration timeout = Duration.ofSeconds(3);
    private int memorySize = MIN_MEMORY;
    private String region = "us-east-1";
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Path> environmentFiles = new ArrayList<>();
    private ColdStart coldStart = ColdStart.PER_CLASS;
    private boolean quiet;
    private Path artifact;
    private String origin = "@LambdaTest";
    private final Map<String, String> origins = new LinkedHashMap<>();

    Merge(ClassLoader loader) {
      this.loader = loader;
      this.handlerLoader = loader;
    }

    void defaults(ExtensionContext context) {
      parameter(context, LambdaTest.TIMEOUT_KEY)
          .ifPresent(
              text -> timeout = timeout(text, parameterOrigin(LambdaTest.TIMEOUT_KEY, text)));
      parameter(context, LambdaTest.MEMORY_SIZE_KEY)
          .ifPresent(
              text -> {
                String where = parameterOrigin(LambdaTest.MEMORY_SIZE_KEY, text);
                try {
                  memorySize = memory(Integer.parseInt(text), where);
                } catch (NumberFormatException e) {
                  throw new ExtensionConfigurationException(
                      where + ": not a number of megabytes", e);
                }
              });
      parameter(context, LambdaTest.REGION_KEY).ifPresent(text -> region = text);
      parameter(context, LambdaTest.COLD_START_KEY)
          .ifPresent(
              text -> {
                try {
                  coldStart = ColdStart.valueOf(text.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                  coldStart = ColdStart.DEFAULT;
                }
                if (coldStart == ColdStart.DEFAULT) {
                  throw new ExtensionConfigurationException(
                      parameterOrigin(LambdaTest.COLD_START_KEY, text)
                          + ": expected per_class or per_test");
                }
              });
      parameter(context, LambdaTest.ENV_FILE_KEY)
          .ifPresent(
              text -> {
                environmentFiles.add(Path.of(text));
                origins.put(
                    SettingOrigins.file(Path.of(text)),
                    parameterOrigin(LambdaTest.ENV_FILE_KEY, text));
              });
      parameter(context, LambdaTest.QUIET_KEY)
          .ifPresent(
              text -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                  throw new ExtensionConfigurationException(
                      parameterOrigin(LambdaTest.QUIET_KEY, text) + ": expected true or false");
                }
                quiet = Boolean.parseBoolean(text);
              });
    }

    void apply(LambdaTest annotation, AnnotatedElement element) {
      String where = Describe.element(element);
      origin = "@LambdaTest on " + where;
      applyHandler(
          annotation.handler(),
          annotation.method(),
          annotation.handlerName(),
          attributes ->
              "@LambdaTest"
                  + (attributes.isEmpty() ? "" : "(" + attributes + ")")
                  + " on "
                  + where);
      if (!annotation.functionName().isEmpty()) {
        functionName = annotation.functionName();
      }
      if (!annotation.timeout().isEmpty()) {
        timeout =
            timeout(
                annotation.timeout(),
                "@LambdaTest(timeout = \"" + annotation.timeout() + "\") on " + where);
      }
      if (annotation.memorySize() != 0) {
        memorySize =
            memory(
                annotation.memorySize(),
                "@LambdaTest(memorySize = " + annotation.memorySize() + ") on " + where);
      }
      if (!annotation.region().isEmpty()) {
        region = annotation.region();
      }
      for (String file : annotation.envFile()) {
        environmentFiles.add(Path.of(file));
        origins.put(
            SettingOrigins.file(Path.of(file)),
            "@LambdaTest(envFile = \"" + file + "\") on " + where);
      }
      for (String pair : annotation.env()) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new ExtensionConfigurationException(
              "@LambdaTest(env = \"" + pair + "\") on " + where + ": expected NAME=value");
        }
        environment.put(pair.substring(0, equals), pair.substring(equals + 1));
        origins.put(
            SettingOrigins.variable(pair.substring(0, equals)),
            "@LambdaTest(env = \"" + pair + "\") on " + where);
      }
      if (annotation.coldStart() != ColdStart.DEFAULT) {
        coldStart = annotation.coldStart();
      }
      if (!annotation.artifact().isEmpty()) {
        artifact = Path.of(annotation.artifact());
      }
    }

    void apply(Registrations.Found found, boolean withHandler, ExtensionContext context) {
      Registration registration = found.registration();
      Describer describe = found::describe;
      origin = describe.describe("");
      if (withHandler) {
        found.checkHandlerCount();
        applyHandler(registration, describe);
      }
      if (registration.functionName() != null) {
        functionName = registration.functionName();
      }
      if (registration.timeout() != null) {
        timeout =
            checkTimeout(
                registration.timeout(), describe.describe("timeout = " + registration.timeout()));
      }
      if (registration.memorySize() != 0) {
        memorySize =
            memory(
                registration.memorySize(),
                describe.describe("memorySize = " + registration.memorySize()));
      }
      if (registration.region() != null) {
        region = registration.region();
      }
      environmentFiles.addAll(registration.environmentFiles());
      environment.putAll(registration.environment());
      coldStart = found.coldStart(coldStart, context);
    }

    private void applyHandler(Registration registration, Describer describe) {
      Object registered = registration.handler();
      if (registered instanceof Registration.Factory factory) {
        HandlerCheck.checkClass(
            factory.handlerClass(),
            describe.describe("handler = " + factory.handlerClass().getSimpleName() + ".class"));
        handler = factory;
        handlerLoader = loader;
      } else if (registered instanceof Class<?> handlerClass) {
        String method = registration.method() == null ? "" : registration.method();
        applyHandler(handlerClass, method, "", describe);
      } else {
        applyHandler(void.class, "", (String) registered, describe);
      }
    }

    private void applyHandler(
        Class<?> handlerClass, String method, String name, Describer describe) {
      boolean byClass = handlerClass != void.class;
      boolean byName = !name.isEmpty();
      if (byClass && byName) {
        throw new ExtensionConfigurationException(
            describe.describe("") + ": set handler or handlerName, not both");
      }
      if (!method.isEmpty() && !byClass) {
        throw new ExtensionConfigurationException(
            describe.describe("method = \"" + method + "\"")
                + ": method needs handler, the class that declares it");
      }
      if (byName) {
        HandlerCheck.check(name, loader, describe.describe("handlerName = \"" + name + "\""));
        handler = name;
        handlerLoader = loader;
      } else if (byClass) {
        String attribute =
            describe.describe(
                "handler = "
                    + handlerClass.getSimpleName()
                    + ".class"
                    + (method.isEmpty() ? "" : ", method = \"" + method + "\""));
        if (method.isEmpty()) {
          HandlerCheck.checkClass(handlerClass, attribute);
          handler = handlerClass;
        } else {
          HandlerCheck.checkMethod(handlerClass, method, attribute);
          handler = handlerClass.getName() + "::" + method;
          handlerLoader = handlerClass.getClassLoader();
        }
      }
    }

    /**
     * Point the function at the class's {@code @WithLambdaService} service through {@code
     * AWS_ENDPOINT_URL_LAMBDA}, unless its own variables set it.
     */
    void lambdaService(ExtensionContext context) {
      if (environment.containsKey("AWS_ENDPOINT_URL_LAMBDA")) {
        return;
      }
      dev.lambdalocal.junit.internal.cognito.LambdaServiceSettings.find(context)
          .map(
              settings ->
                  dev.lambdalocal.junit.internal.cognito.LambdaServiceSupport.endpointVariable(
                      settings, region))
          .ifPresent(endpoint -> environment.put("AWS_ENDPOINT_URL_LAMBDA", endpoint));
    }

    FunctionSettings result() {
      return new FunctionSettings(
          new Values(
              handler,
              functionName,
              timeout,
              memorySize,
              region,
              Map.copyOf(environment),
              List.copyOf(environmentFiles),
              coldStart,
              quiet,
              artifact),
          origin,
          Map.copyOf(origins),
          handlerLoader);
    }

    private static Optional<String> parameter(ExtensionContext context, String key) {
      return context.getConfigurationParameter(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String parameterOrigin(String key, String value) {
      return "configuration parameter " + key + " = \"" + value + "\"";
    }

    private static Duration timeout(String text, String where) {
      Duration timeout = Durations.parse(text);
      if (timeout == null) {
        throw new ExtensionConfigurationException(
            where + ": not a duration; write e.g. \"3s\", \"1m\", \"3000ms\" or \"PT3S\"");
      }
      return checkTimeout(timeout, where);
    }

    private static Duration checkTimeout(Duration timeout, String where) {
      boolean wholeSeconds = timeout.toNanos() % 1_000_000_000L == 0;
      if (!wholeSeconds
          || timeout.compareTo(Duration.ofSeconds(1)) < 0
          || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new ExtensionConfigurationException(
            where + ": Timeout must be a whole number of seconds from 1 to 900");
      }
      return timeout;
    }

    private static int memory(int megabytes, String where) {
      if (megabytes < MIN_MEMORY || megabytes > MAX_MEMORY) {
        throw new ExtensionConfigurationException(
            where + ": Memory size must be between 128 and 10240 MB");
      }
      return megabytes;
    }
  }
}
