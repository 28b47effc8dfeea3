package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A function's settings after validation.
 *
 * @param handlerString the handler as Lambda's {@code _HANDLER} shows it
 * @param handlerSource a handler string, a {@code Class}, a {@code HandlerFactory} or an instance
 * @param classLoaders gives the class loader of the function's code for each new execution
 *     environment: the same loader, or a new one over the function's class path
 * @param functionName the function name
 * @param functionVersion the version, {@code $LATEST} by default
 * @param alias the qualifier of the invoked ARN, or {@code null}
 * @param timeout the function timeout
 * @param initTimeout the bound of the init phase (10 s in Lambda)
 * @param memorySizeMb the memory size
 * @param region the region
 * @param accountId the account id
 * @param userEnvironment the user's variables (from maps and files, files first)
 * @param clock the clock of deadlines and log-stream dates
 * @param console where logs are echoed, or {@code null} when quiet
 * @param platformEnvironment variables the platform gives each new execution environment, by
 *     function name (see {@link dev.lambdalocal.core.internal.env.LambdaVariables#withPlatform});
 *     never null
 */
public record FunctionConfig(
    String handlerString,
    Object handlerSource,
    Supplier<ClassLoader> classLoaders,
    String functionName,
    String functionVersion,
    String alias,
    Duration timeout,
    Duration initTimeout,
    int memorySizeMb,
    String region,
    String accountId,
    Map<String, String> userEnvironment,
    Clock clock,
    PrintStream console,
    java.util.function.Function<String, Map<String, String>> platformEnvironment) {

  /**
   * Check a timeout against Lambda's range (whole seconds from 1 to 900) and an init bound.
   *
   * @throws LambdaConfigurationException naming the value at fault
   */
  public static void checkTimeouts(Duration timeout, Duration initTimeout) {
    boolean wholeSeconds = timeout.toNanos() % 1_000_000_000L == 0;
    if (!wholeSeconds
        || timeout.compareTo(Duration.ofSeconds(1)) < 0
        || timeout.compareTo(Duration.ofSeconds(900)) > 0) {
      throw new LambdaConfigurationException(
          "Timeout must be a whole number of seconds from 1 to 900, got "
              + timeout.toMillis() / 1000.0
              + " s");
    }
    if (initTimeout.isNegative() || initTimeout.isZero()) {
      throw new LambdaConfigurationException("Init timeout must be positive, got " + initTimeout);
    }
  }

  /**
   * Check a memory size and a function name as Lambda's API checks them.
   *
   * @throws LambdaConfigurationException naming the value at fault
   */
  public static void checkSizeAndName(int memorySizeMb, String functionName) {
    if (memorySizeMb < 128 || memorySizeMb > 10_240) {
      throw new LambdaConfigurationException(
          "Memory size must be between 128 and 10240 MB, got " + memorySizeMb + " MB");
    }
    if (!functionName.matches("[a-zA-Z0-9_-]{1,64}")) {
      throw new LambdaConfigurationException(
          "Function name '"
              + functionName
              + "' is invalid: use 1 to 64 letters, digits, hyphens and underscores");
    }
  }

  /** Return the log group, {@code /aws/lambda/<name>}. */
  public String logGroupName() {
    return "/aws/lambda/" + functionName;
  }

  /** Return the ARN the function is invoked by, qualified with the alias if there is one. */
  public String invokedFunctionArn() {
    String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    return alias == null ? arn : arn + ":" + alias;
  }
}
