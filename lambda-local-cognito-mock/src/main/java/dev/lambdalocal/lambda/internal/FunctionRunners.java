package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The execution environments of the functions: one {@link LocalLambda} per function version (and
 * alias, which the context's invoked ARN names), built from the extracted package on first use and
 * kept warm until the version changes.
 *
 * <p>Each function is loaded from its package as Lambda's Java runtime loads it: over a parent that
 * holds only the JDK and what the runtime provides, so nothing of lambda-local's class path leaks
 * in (see docs/lambda-service.md).
 */
public final class FunctionRunners implements AutoCloseable {

  private final String region;
  private final String accountId;
  private final Function<String, Map<String, String>> platformEnvironment;
  private final PrintStream console;
  private final boolean quiet;
  private final Map<String, LocalLambda> runners = new ConcurrentHashMap<>();

  /**
   * Run functions of {@code region} and {@code accountId}; each new execution environment gets the
   * variables {@code platformEnvironment} returns for the function's name, as {@link
   * LocalLambda.Builder#platformEnvironment} gives them (the endpoints that reach this service,
   * credentials), unless the function's configuration sets them itself; logs echo to {@code
   * console} unless {@code quiet}.
   */
  public FunctionRunners(
      String region,
      String accountId,
      Function<String, Map<String, String>> platformEnvironment,
      PrintStream console,
      boolean quiet) {
    this.region = region;
    this.accountId = accountId;
    this.platformEnvironment = platformEnvironment;
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
    try {
      return LocalLambda.builder()
          .handler(settings.handler())
          .artifact(version.code().file())
          .functionName(version.name())
          .functionVersion(version.version())
          .alias(alias)
          .timeout(Duration.ofSeconds(settings.timeout()))
          .memorySize(settings.memorySize())
          .region(region)
          .accountId(accountId)
          .platformEnvironment(platformEnvironment)
          .environment(settings.environment())
          .quiet(quiet)
          .console(console)
          .build();
    } catch (LambdaConfigurationException | IllegalStateException e) {
      // IllegalStateException: the platform could not give its environment (a port in use).
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
