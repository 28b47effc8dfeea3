package dev.lambdalocal.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import dev.lambdalocal.account.internal.OnDemandAccount;
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
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code run} command: invoke a handler once with an event, as {@code aws lambda invoke} would
 * invoke the deployed function, and write the response payload to standard output.
 *
 * <p>Standard output receives exactly the bytes the Invoke API would return: the serialized result,
 * or Lambda's error document on a function error or timeout. Standard error receives the function's
 * logs with the START, END and REPORT lines, unless {@code --quiet}.
 */
final class RunCommand implements Callable<Integer> {

  /** The region used when {@code --region} is not given, as in {@link LocalLambda}. */
  static final String DEFAULT_REGION = "us-east-1";

  private final CommandSpec spec =
      Specs.command(
          this,
          "run",
          "Invoke a Lambda handler once with an event, in this JVM.",
          "Standard output receives exactly the payload the Lambda Invoke API would return (on a"
              + " function error or timeout, Lambda's error document); standard error receives the"
              + " function's logs and its START, END and REPORT lines.",
          "%%IDENTITY_ID%% and %%IDENTITY_POOL_ID%% in the event are replaced by the caller's"
              + " Cognito identity, which the function also finds in Context.getIdentity(). Without"
              + " them and without identity options the caller has no identity, as a caller"
              + " without Cognito credentials has none: Context.getIdentity() is null.",
          "The function's default-built AWS clients reach an offline account on 127.0.0.1"
              + " (AWS_ENDPOINT_URL, credentials it minted; Secrets Manager, SSM, Cognito"
              + " Identity, Lambda), never AWS; it starts only when the function first calls it.");

  private final InputStream in;
  private final OutputStream out;
  private final PrintStream err;

  RunCommand(InputStream in, OutputStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .exitCodeList(
            Specs.exitCodes(
                "0",
                "success",
                "1",
                "function error or timeout",
                "2",
                "usage or configuration error"));
    spec.addOption(
        OptionSpec.builder("--handler")
            .required(true)
            .type(String.class)
            .paramLabel("<class[::method]>")
            .description(
                "The handler, as Lambda's Handler setting: package.Class or package.Class::method.")
            .build());
    spec.addOption(
        OptionSpec.builder("--event")
            .required(true)
            .type(String.class)
            .paramLabel("<file|->")
            .description("The event JSON file, or - to read it from standard input.")
            .build());
    option(
        String.class,
        "<path>",
        "The function's classes: directories and JARs separated by '${sys:path.separator}'; dir/*"
            + " adds every JAR in dir. Default: lambda-local's own class path.",
        "--classpath",
        "-cp");
    option(
        Integer.class,
        "<seconds>",
        "The function's timeout, 1 to 900 seconds (default: 3).",
        "--timeout");
    option(
        Integer.class,
        "<MB>",
        "The function's memory size, 128 to 10240 MB (default: 128).",
        "--memory");
    option(
        String.class,
        "<name>",
        "The function's name (default: the handler's simple class name, e.g. ExampleFunc); it"
            + " also selects the section of --env-file.",
        "--function-name");
    spec.addOption(
        OptionSpec.builder("--region")
            .type(String.class)
            .defaultValue(DEFAULT_REGION)
            .paramLabel("<region>")
            .description("The AWS region (default: ${DEFAULT-VALUE}).")
            .build());
    option(
        Path.class,
        "<json>",
        "A SAM CLI-style env-vars file: {\"Parameters\": {...}} for every function,"
            + " {\"<FunctionName>\": {...}} for this one.",
        "--env-file");
    spec.addOption(
        OptionSpec.builder("--env")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .initialValue(new ArrayList<String>())
            .paramLabel("<name=value>")
            .description("An environment variable; repeatable; overrides --env-file.")
            .build());
    AccountOptions.addRunOptions(spec);
    option(
        String.class,
        "<id>",
        "The caller's Cognito identity id (default: a new <region>:<uuid> when the caller has an"
            + " identity).",
        "--identity-id");
    option(
        String.class,
        "<id>",
        "The caller's Cognito identity pool id (default: a new <region>:<uuid> when the caller has"
            + " an identity).",
        "--identity-pool-id");
    option(
        String.class,
        "<json>",
        "The mobile client context as the Invoke API takes it: {\"client\": {...}, \"custom\":"
            + " {...}, \"env\": {...}}.",
        "--client-context");
    spec.addOption(
        OptionSpec.builder("--quiet", "-q")
            .type(boolean.class)
            .initialValue(false)
            .description("Do not print the function's logs and START/END/REPORT lines.")
            .build());
    Specs.addStandardHelpOptions(spec);
  }

  /** Return the command's picocli specification, which runs this command. */
  CommandSpec spec() {
    return spec;
  }

  private void option(Class<?> type, String label, String description, String... names) {
    spec.addOption(
        OptionSpec.builder(names).type(type).paramLabel(label).description(description).build());
  }

  private <T> T value(String option) {
    return spec.findOption(option).getValue();
  }

  /** Invoke the handler once and return the exit status. */
  @Override
  public Integer call() throws IOException {
    String region = value("--region");
    String identityId = cognitoId("--identity-id", value("--identity-id"), region);
    String identityPoolId = cognitoId("--identity-pool-id", value("--identity-pool-id"), region);
    // The caller has an identity only when asked for one, or when the event uses one.
    CallerIdentity caller = new CallerIdentity(identityId, identityPoolId, region);
    if (identityId != null || identityPoolId != null) {
      caller.identity();
    }
    String json = readEvent(caller);
    boolean quiet = this.<Boolean>value("--quiet");
    InvokeOptions options =
        InvokeOptions.builder()
            .identity(caller.issued())
            .clientContext(parseClientContext())
            .build();
    LocalLambda.Builder builder =
        LocalLambda.builder()
            .handler(this.<String>value("--handler"))
            .region(region)
            .environment(variables())
            .quiet(quiet)
            .console(err);
    String classpath = value("--classpath");
    if (classpath != null) {
      builder.classpath(Classpaths.parse(classpath));
    }
    Integer timeoutSeconds = value("--timeout");
    if (timeoutSeconds != null) {
      builder.timeout(Duration.ofSeconds(timeoutSeconds));
    }
    Integer memory = value("--memory");
    if (memory != null) {
      builder.memorySize(memory);
    }
    String functionName = value("--function-name");
    if (functionName != null) {
      builder.functionName(functionName);
    }
    Path envFile = value("--env-file");
    if (envFile != null) {
      builder.environmentFile(envFile);
    }
    try (OnDemandAccount account = AccountOptions.openForRun(spec, region, err, quiet);
        LocalLambda lambda = withAccount(builder, account).build()) {
      InvocationResult result = lambda.invokeJson(json, options);
      out.write(result.payload());
      out.flush();
      return result.isError() ? LambdaLocalCli.FUNCTION_ERROR : LambdaLocalCli.SUCCESS;
    }
  }

  private static LocalLambda.Builder withAccount(
      LocalLambda.Builder builder, OnDemandAccount account) {
    return account == null ? builder : builder.platformEnvironment(account::environment);
  }

  private Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    List<String> environment = value("--env");
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

  private static String cognitoId(String option, String given, String region) {
    if (given == null) {
      return null;
    }
    if (!Identity.isCognitoId(given)) {
      throw new LambdaConfigurationException(
          option + ": '" + given + "' is not a Cognito id: expected <region>:<uuid>");
    }
    return given;
  }

  private String readEvent(Map<String, String> placeholders) {
    String event = value("--event");
    if ("-".equals(event)) {
      return Events.readJson(in, "<stdin>", placeholders);
    }
    try {
      return Events.readJson(Path.of(event), placeholders);
    } catch (InvalidPathException e) {
      throw new LambdaConfigurationException("--event: invalid path: " + event, e);
    }
  }

  /**
   * The placeholders of the caller's identity, issued on first use: an event that never names
   * {@code %IDENTITY_ID%} or {@code %IDENTITY_POOL_ID%} leaves the caller without one.
   */
  private static final class CallerIdentity extends AbstractMap<String, String> {
    private final String identityId;
    private final String identityPoolId;
    private final String region;
    private Identity issued;

    CallerIdentity(String identityId, String identityPoolId, String region) {
      this.identityId = identityId;
      this.identityPoolId = identityPoolId;
      this.region = region;
    }

    /** Return the identity, issuing it now if need be. */
    Identity identity() {
      if (issued == null) {
        issued =
            new Identity(
                identityId != null ? identityId : Identity.newId(region),
                identityPoolId != null ? identityPoolId : Identity.newId(region));
      }
      return issued;
    }

    /** Return the identity if it was issued, else {@code null}. */
    Identity issued() {
      return issued;
    }

    @Override
    public String get(Object name) {
      if (Events.IDENTITY_ID.equals(name)) {
        return identity().identityId();
      }
      if (Events.IDENTITY_POOL_ID.equals(name)) {
        return identity().identityPoolId();
      }
      return null;
    }

    @Override
    public boolean containsKey(Object name) {
      return Events.IDENTITY_ID.equals(name) || Events.IDENTITY_POOL_ID.equals(name);
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public int size() {
      return 2;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return Events.placeholders(identity()).entrySet();
    }
  }

  private ClientContext parseClientContext() {
    String clientContext = value("--client-context");
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
