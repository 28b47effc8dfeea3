package dev.lambdalocal.core.internal.env;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Define the environment variables the Lambda Java runtime sets for every function.
 *
 * <p>Names and values follow "Defined runtime environment variables" in the AWS Lambda developer
 * guide. The per-invocation {@code _X_AMZN_TRACE_ID} is left to the invoker, and {@code
 * AWS_LAMBDA_RUNTIME_API} is left out because no Runtime API server runs in-process.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime">Defined
 *     runtime environment variables</a>
 * @since 0.1.0
 */
public final class LambdaVariables {

  /** The task root of every Lambda function: where the deployment package is unpacked. */
  static final String TASK_ROOT = "/var/task";

  /** The runtime directory of every Lambda function. */
  static final String RUNTIME_DIR = "/var/runtime";

  /** {@code PATH} as documented by AWS. */
  static final String PATH = "/usr/local/bin:/usr/bin/:/bin:/opt/bin";

  /** {@code LD_LIBRARY_PATH} as documented by AWS, its variables expanded. */
  static final String LD_LIBRARY_PATH =
      "/var/lang/lib:/lib64:/usr/lib64:"
          + RUNTIME_DIR
          + ":"
          + RUNTIME_DIR
          + "/lib:"
          + TASK_ROOT
          + ":"
          + TASK_ROOT
          + "/lib:/opt/lib";

  // Well-formed but fake: an AWS SDK client inside a handler finds these before the developer's
  // own credentials, and AWS refuses any call that escapes to it. The offline Lambda service
  // (lambda-local-cognito-mock) accepts them, as Lambda accepts a function's role credentials.
  public static final String ACCESS_KEY_ID = "ASIALAMBDALOCALDUMMY";
  public static final String SECRET_ACCESS_KEY = "lambdaLocal/dummy/secret/NOT/a/real/key0";
  public static final String SESSION_TOKEN =
      "LambdaLocalDummySessionToken/NotValidForAnyAwsAccount";

  /** The keys the Lambda API refuses in a function's configuration, as listed by AWS. */
  private static final Set<String> RESERVED_KEYS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  "_HANDLER",
                  "_X_AMZN_TRACE_ID",
                  "AWS_DEFAULT_REGION",
                  "AWS_REGION",
                  "AWS_EXECUTION_ENV",
                  "AWS_LAMBDA_FUNCTION_NAME",
                  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                  "AWS_LAMBDA_FUNCTION_VERSION",
                  "AWS_LAMBDA_INITIALIZATION_TYPE",
                  "AWS_LAMBDA_LOG_GROUP_NAME",
                  "AWS_LAMBDA_LOG_STREAM_NAME",
                  "AWS_ACCESS_KEY",
                  "AWS_ACCESS_KEY_ID",
                  "AWS_SECRET_ACCESS_KEY",
                  "AWS_SESSION_TOKEN",
                  "AWS_LAMBDA_RUNTIME_API",
                  "LAMBDA_TASK_ROOT",
                  "LAMBDA_RUNTIME_DIR",
                  "AWS_LAMBDA_MAX_CONCURRENCY")));

  private LambdaVariables() {}

  /**
   * Return the variables Lambda defines for a function.
   *
   * <p>Besides the reserved variables these include the unreserved defaults {@code LANG}, {@code
   * PATH}, {@code LD_LIBRARY_PATH} and {@code TZ}, which a function's own variables may replace.
   * The credentials are dummies: a handler never runs with the developer's real credentials.
   *
   * @param functionName the function's name
   * @param functionVersion the version being run, such as {@code $LATEST}
   * @param memoryMb the configured memory size in MB
   * @param region the AWS Region the function pretends to run in
   * @param handler the handler string, as configured
   * @param logGroupName the CloudWatch Logs group, such as {@code /aws/lambda/my-function}
   * @param logStreamName the CloudWatch Logs stream of the execution environment
   * @return the variables, in the order of AWS's documentation (unmodifiable)
   */
  public static Map<String, String> reserved(
      String functionName,
      String functionVersion,
      int memoryMb,
      String region,
      String handler,
      String logGroupName,
      String logStreamName) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("_HANDLER", Objects.requireNonNull(handler, "handler"));
    variables.put("AWS_DEFAULT_REGION", Objects.requireNonNull(region, "region"));
    variables.put("AWS_REGION", region);
    variables.put("AWS_EXECUTION_ENV", executionEnvironment(Runtime.version().feature()));
    variables.put("AWS_LAMBDA_FUNCTION_NAME", Objects.requireNonNull(functionName, "functionName"));
    variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
    variables.put(
        "AWS_LAMBDA_FUNCTION_VERSION", Objects.requireNonNull(functionVersion, "functionVersion"));
    variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    variables.put(
        "AWS_LAMBDA_LOG_GROUP_NAME", Objects.requireNonNull(logGroupName, "logGroupName"));
    variables.put(
        "AWS_LAMBDA_LOG_STREAM_NAME", Objects.requireNonNull(logStreamName, "logStreamName"));
    variables.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    variables.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    variables.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
    variables.put("LAMBDA_TASK_ROOT", TASK_ROOT);
    variables.put("LAMBDA_RUNTIME_DIR", RUNTIME_DIR);
    variables.put("LANG", "en_US.UTF-8");
    variables.put("PATH", PATH);
    variables.put("LD_LIBRARY_PATH", LD_LIBRARY_PATH);
    variables.put("TZ", ":UTC");
    return Collections.unmodifiableMap(variables);
  }

  /**
   * Return the keys a function's configuration may not set.
   *
   * @return the reserved keys, in the order of AWS's documentation (unmodifiable)
   */
  public static Set<String> reservedKeys() {
    return RESERVED_KEYS;
  }

  /**
   * Reject a function's own variables when they set a reserved key, as the Lambda API does.
   *
   * @param user the variables configured for the function
   * @throws LambdaConfigurationException with AWS's own message, listing the reserved keys used
   */
  public static void checkUserVariables(Map<String, String> user) {
    List<String> used = new ArrayList<>();
    for (String key : Objects.requireNonNull(user, "user").keySet()) {
      if (RESERVED_KEYS.contains(key)) {
        used.add(key);
      }
    }
    if (!used.isEmpty()) {
      // AWS's InvalidParameterValueException text for CreateFunction/UpdateFunctionConfiguration.
      throw new LambdaConfigurationException(
          "Lambda was unable to configure your environment variables because the environment"
              + " variables you have provided contains reserved keys that are currently not"
              + " supported for modification. Reserved keys used in this request: "
              + String.join(", ", used));
    }
  }

  /** The reserved keys a platform may set: the execution role's credentials. */
  private static final Set<String> PLATFORM_KEYS =
      Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

  /**
   * Check the variables a platform (the offline account lambda-local runs the function with) gives
   * an execution environment: of the reserved keys only the execution role's credentials, which
   * replace the dummies; any other key is a default the function's own variables may override.
   *
   * @param platform the platform's variables
   * @return {@code platform}
   * @throws LambdaConfigurationException naming a reserved key the platform may not set
   */
  public static Map<String, String> withPlatform(Map<String, String> platform) {
    for (String key : Objects.requireNonNull(platform, "platform").keySet()) {
      if (RESERVED_KEYS.contains(key) && !PLATFORM_KEYS.contains(key)) {
        throw new LambdaConfigurationException(
            "The platform environment may not set the reserved variable " + key);
      }
    }
    return platform;
  }

  /** Name the managed runtime that matches a JDK feature release, as Lambda's runtimes do. */
  static String executionEnvironment(int feature) {
    if (feature >= 25) {
      return "AWS_Lambda_java25";
    }
    if (feature >= 21) {
      return "AWS_Lambda_java21";
    }
    return "AWS_Lambda_java17";
  }
}
