package dev.lambdalocal.junit.internal;

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
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The settings of {@link FunctionSettings} being merged from the outermost source to the innermost:
 * configuration parameters, then annotations or a registration, each replacing what it sets.
 */
final class SettingsMerge {

  private static final int MIN_MEMORY = 128;
  private static final int MAX_MEMORY = 10_240;
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

  final ClassLoader loader;
  ClassLoader handlerLoader;
  Object handler;
  String functionName;
  private Duration timeout = Duration.ofSeconds(3);
  private int memorySize = MIN_MEMORY;
  private String region = "us-east-1";
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<Path> environmentFiles = new ArrayList<>();
  ColdStart coldStart = ColdStart.PER_CLASS;
  private boolean quiet;
  private Path artifact;
  String origin = "@LambdaTest";
  private final Map<String, String> origins = new LinkedHashMap<>();

  SettingsMerge(ClassLoader loader) {
    this.loader = loader;
    this.handlerLoader = loader;
  }

  void defaults(ExtensionContext context) {
    parameter(context, LambdaTest.TIMEOUT_KEY)
        .ifPresent(text -> timeout = timeout(text, parameterOrigin(LambdaTest.TIMEOUT_KEY, text)));
    parameter(context, LambdaTest.MEMORY_SIZE_KEY)
        .ifPresent(
            text -> {
              String where = parameterOrigin(LambdaTest.MEMORY_SIZE_KEY, text);
              try {
                memorySize = memory(Integer.parseInt(text), where);
              } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException(where + ": not a number of megabytes", e);
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
            "@LambdaTest" + (attributes.isEmpty() ? "" : "(" + attributes + ")") + " on " + where);
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
    FunctionSettings.Describer describe = found::describe;
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

  private void applyHandler(Registration registration, FunctionSettings.Describer describe) {
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

  void applyHandler(
      Class<?> handlerClass, String method, String name, FunctionSettings.Describer describe) {
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
        new SettingsValues(
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
