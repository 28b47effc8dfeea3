package dev.lambdalocal.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import dev.lambdalocal.core.ClientContexts;
import dev.lambdalocal.core.Events;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code run} command: invoke a handler once with an event, as {@code aws lambda invoke} would
 * invoke the deployed function, and write the response payload to standard output.
 *
 * <p>Standard output receives exactly the bytes the Invoke API would return: the serialized result,
 * or Lambda's error document on a function error or timeout. Standard error receives the function's
 * logs with the START, END and REPORT lines, unless {@code --quiet}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Invoke a Lambda handler once with an event, in this JVM.",
      "Standard output receives exactly the payload the Lambda Invoke API would return (on a"
          + " function error or timeout, Lambda's error document); standard error receives the"
          + " function's logs and its START, END and REPORT lines.",
      "%%IDENTITY_ID%% and %%IDENTITY_POOL_ID%% in the event are replaced by the caller's Cognito"
          + " identity, which the function also finds in Context.getIdentity()."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:function error or timeout", "2:usage or configuration error"})
final class RunCommand implements Callable<Integer> {

  /** The region used when {@code --region} is not given, as in {@link LocalLambda}. */
  static final String DEFAULT_REGION = "us-east-1";

  @Option(
      names = "--handler",
      required = true,
      paramLabel = "<class[::method]>",
      description =
          "The handler, as Lambda's Handler setting: package.Class or package.Class::method.")
  String handler;

  @Option(
      names = "--event",
      required = true,
      paramLabel = "<file|->",
      description = "The event JSON file, or - to read it from standard input.")
  String event;

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "<path>",
      description =
          "The function's classes: directories and JARs separated by '${sys:path.separator}'; dir/*"
              + " adds every JAR in dir. Default: lambda-local's own class path.")
  String classpath;

  @Option(
      names = "--timeout",
      paramLabel = "<seconds>",
      description = "The function's timeout, 1 to 900 seconds (default: 3).")
  Integer timeoutSeconds;

  @Option(
      names = "--memory",
      paramLabel = "<MB>",
      description = "The function's memory size, 128 to 10240 MB (default: 128).")
  Integer memory;

  @Option(
      names = "--function-name",
      paramLabel = "<name>",
      description =
          "The function's name (default: the handler's simple class name, e.g. ExampleFunc); it"
              + " also selects the section of --env-file.")
  String functionName;

  @Option(
      names = "--region",
      paramLabel = "<region>",
      defaultValue = DEFAULT_REGION,
      description = "The AWS region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--env-file",
      paramLabel = "<json>",
      description =
          "A SAM CLI-style env-vars file: {\"Parameters\": {...}} for every function,"
              + " {\"<FunctionName>\": {...}} for this one.")
  Path envFile;

  @Option(
      names = "--env",
      paramLabel = "<name=value>",
      description = "An environment variable; repeatable; overrides --env-file.")
  List<String> environment = new ArrayList<>();

  @Option(
      names = "--identity-id",
      paramLabel = "<id>",
      description = "The caller's Cognito identity id (default: a new <region>:<uuid>).")
  String identityId;

  @Option(
      names = "--identity-pool-id",
      paramLabel = "<id>",
      description = "The caller's Cognito identity pool id (default: a new <region>:<uuid>).")
  String identityPoolId;

  @Option(
      names = "--client-context",
      paramLabel = "<json>",
      description =
          "The mobile client context as the Invoke API takes it: {\"client\": {...}, \"custom\":"
              + " {...}, \"env\": {...}}.")
  String clientContext;

  @Option(
      names = {"--quiet", "-q"},
      description = "Do not print the function's logs and START/END/REPORT lines.")
  boolean quiet;

  private final InputStream in;
  private final OutputStream out;
  private final PrintStream err;

  RunCommand(InputStream in, OutputStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Invoke the handler once and return the exit status. */
  @Override
  public Integer call() throws IOException {
    Identity identity =
        new Identity(
            cognitoId("--identity-id", identityId),
            cognitoId("--identity-pool-id", identityPoolId));
    String json = readEvent(Events.placeholders(identity));
    InvokeOptions options =
        InvokeOptions.builder().identity(identity).clientContext(parseClientContext()).build();
    LocalLambda.Builder builder =
        LocalLambda.builder()
            .handler(handler)
            .region(region)
            .environment(variables())
            .quiet(quiet)
            .console(err);
    if (classpath != null) {
      builder.classpath(Classpaths.parse(classpath));
    }
    if (timeoutSeconds != null) {
      builder.timeout(Duration.ofSeconds(timeoutSeconds));
    }
    if (memory != null) {
      builder.memorySize(memory);
    }
    if (functionName != null) {
      builder.functionName(functionName);
    }
    if (envFile != null) {
      builder.environmentFile(envFile);
    }
    try (LocalLambda lambda = builder.build()) {
      InvocationResult result = lambda.invokeJson(json, options);
      out.write(result.payload());
      out.flush();
      return result.isError() ? LambdaLocalCli.FUNCTION_ERROR : LambdaLocalCli.SUCCESS;
    }
  }

  private Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String variable : environment) {
      int equals = variable.indexOf('=');
      if (equals < 1) {
        throw new LambdaConfigurationException(
            "--env: expected NAME=value, got '" + variable + "'");
      }
      variables.put(variable.substring(0, equals), variable.substring(equals + 1));
    }
    return variables;
  }

  private String cognitoId(String option, String given) {
    if (given == null) {
      return Identity.newId(region);
    }
    if (!Identity.isCognitoId(given)) {
      throw new LambdaConfigurationException(
          option + ": '" + given + "' is not a Cognito id: expected <region>:<uuid>");
    }
    return given;
  }

  private String readEvent(Map<String, String> placeholders) {
    if ("-".equals(event)) {
      return Events.readJson(in, "<stdin>", placeholders);
    }
    try {
      return Events.readJson(Path.of(event), placeholders);
    } catch (InvalidPathException e) {
      throw new LambdaConfigurationException("--event: invalid path: " + event, e);
    }
  }

  private ClientContext parseClientContext() {
    if (clientContext == null) {
      return null;
    }
    try {
      return ClientContexts.parse(clientContext);
    } catch (LambdaConfigurationException e) {
      String problem = e.getMessage().replaceFirst("^client context: ", "");
      throw new LambdaConfigurationException("--client-context: " + problem, e);
    }
  }
}
