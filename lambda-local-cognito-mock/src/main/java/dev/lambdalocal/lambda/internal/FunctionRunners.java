package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The execution environments of the functions: one {@link LocalLambda} per function version (and
 * alias, which the context's invoked ARN names), built from the extracted package on first use and
 * kept warm until the version changes.
 *
 * <p>Lambda itself shares its Java runtime's {@code aws-lambda-java-core} with the function; here
 * the parent of each function's class loader is lambda-local's own, so what lambda-local's class
 * path holds is visible to the function too (see docs/lambda-service.md).
 */
public final class FunctionRunners implements AutoCloseable {

  private final String region;
  private final String accountId;
  private final Map<String, String> serviceVariables;
  private final PrintStream console;
  private final boolean quiet;
  private final Map<String, LocalLambda> runners = new ConcurrentHashMap<>();

  /**
   * Run functions of {@code region} and {@code accountId} with {@code serviceVariables} added to
   * each function's environment unless it sets them itself (the endpoint of this service, so a
   * function reaches the other functions); logs echo to {@code console} unless {@code quiet}.
   */
  public FunctionRunners(
      String region,
      String accountId,
      Map<String, String> serviceVariables,
      PrintStream console,
      boolean quiet) {
    this.region = region;
    this.accountId = accountId;
    this.serviceVariables = Map.copyOf(serviceVariables);
    this.console = console;
    this.quiet = quiet;
  }

  /**
   * Return the warm environment of a version, built when there is none.
   *
   * @param alias the alias it is invoked through, or null
   * @throws ApiError a {@code ServiceException} naming the setting lambda-local cannot build
   */
  public LocalLambda runner(FunctionVersion version, String alias) {
    String key = key(version.name(), version.version()) + version.revisionId() + "\n" + alias;
    return runners.computeIfAbsent(key, k -> build(version, alias));
  }

  private LocalLambda build(FunctionVersion version, String alias) {
    FunctionSettings settings = version.settings();
    Map<String, String> environment = new LinkedHashMap<>(serviceVariables);
    environment.putAll(settings.environment());
    try {
      return LocalLambda.builder()
          .handler(settings.handler())
          .classLoader(FunctionRunners.class.getClassLoader())
          .classpath(version.code().classpath())
          .functionName(version.name())
          .functionVersion(version.version())
          .alias(alias)
          .timeout(Duration.ofSeconds(settings.timeout()))
          .memorySize(settings.memorySize())
          .region(region)
          .accountId(accountId)
          .environment(environment)
          .quiet(quiet)
          .console(console)
          .build();
    } catch (LambdaConfigurationException e) {
      throw ApiError.service(
          "lambda-local cannot run function " + version.name() + ": " + e.getMessage());
    }
  }

  /** Discard the environments of a function's {@code $LATEST} (its code or settings changed). */
  public void discardLatest(String name) {
    discard(key(name, FunctionVersion.LATEST));
  }

  /** Discard every environment of a function (it was deleted). */
  public void discardAll(String name) {
    discard(name + "\n");
  }

  private void discard(String prefix) {
    runners
        .entrySet()
        .removeIf(
            entry -> {
              if (entry.getKey().startsWith(prefix)) {
                entry.getValue().close();
                return true;
              }
              return false;
            });
  }

  private static String key(String name, String version) {
    return name + "\n" + version + "\n";
  }

  /** Stop every environment. */
  @Override
  public void close() {
    runners.values().forEach(LocalLambda::close);
    runners.clear();
  }
}
