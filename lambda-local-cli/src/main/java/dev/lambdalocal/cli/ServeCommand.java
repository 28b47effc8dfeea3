package dev.lambdalocal.cli;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityPool;
import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.lambda.LambdaServiceMock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code serve} command: an API defined in a Swagger 2.0 or OpenAPI 3 file, served on loopback
 * by an {@link ApiGatewayMock} whose {@code AWS_IAM} routes accept requests signed with credentials
 * of a {@link CognitoMock}, each integration running its function in this JVM.
 *
 * <p>Standard output receives five lines, {@code API: <base URL>}, {@code Cognito: <endpoint>},
 * {@code Region: <region>}, {@code Identity pool: <id>} and {@code Account: <endpoint>} (the
 * offline account's one endpoint, which the functions' AWS clients reach), once everything listens;
 * standard error receives the functions' logs. It serves until the JVM is interrupted (Ctrl+C,
 * SIGTERM), when a shutdown hook closes the servers and the functions.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Serve an API Gateway API defined in a Swagger 2.0 or OpenAPI 3 file, with a Cognito Identity"
          + " mock that signs its callers in, on loopback, until interrupted (Ctrl+C).",
      "Standard output receives 'API: <base URL>', 'Cognito: <endpoint>', 'Region: <region>',"
          + " 'Identity pool: <id>' and 'Account: <endpoint>', one per line, once all listen; standard error receives the"
          + " functions' logs.",
      "Routes whose security is AWS_IAM (awsSigv4) take requests signed with credentials of the"
          + " Cognito mock, as './lambda-local connect' sends them."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:stopped",
      "2:usage or configuration error (e.g. a function of the API without --function)"
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--api",
      required = true,
      paramLabel = "<file>",
      description =
          "The API's Swagger 2.0 or OpenAPI 3 file, YAML or JSON, as API Gateway imports.")
  Path api;

  @Option(
      names = "--function",
      paramLabel = "<NAME=handler>",
      description =
          "Run the function NAME, as the integrations' uri name it (…:function:NAME/invocations),"
              + " with this handler (package.Class or package.Class::method); repeatable, one for"
              + " every function the API names.")
  List<String> functions = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "<port>",
      defaultValue = "0",
      description = "The API's port (default: a free one).")
  int port;

  @Option(
      names = "--cognito-port",
      paramLabel = "<port>",
      defaultValue = "0",
      description = "The Cognito mock's port (default: a free one).")
  int cognitoPort;

  @Option(
      names = "--account-port",
      paramLabel = "<port>",
      defaultValue = "0",
      description =
          "The offline account's port: Cognito, Secrets Manager and SSM on one endpoint, which the"
              + " functions' AWS clients reach through AWS_ENDPOINT_URL (default: a free one).")
  int accountPort;

  @Option(
      names = "--extension-port",
      paramLabel = "<port>",
      defaultValue = "2773",
      description =
          "The port of the Parameters and Secrets Lambda Extension's local API (default: 2773, the"
              + " extension's; 0 for a free one).")
  int extensionPort;

  @Option(
      names = "--secrets-file",
      paramLabel = "<secrets.json>",
      description = AccountOptions.SECRETS_FILE)
  Path secretsFile;

  @Option(
      names = "--service-endpoint",
      paramLabel = "<SERVICE=URL>",
      description = AccountOptions.SERVICE_ENDPOINT)
  List<String> serviceEndpoints = new ArrayList<>();

  @Option(
      names = "--stage",
      paramLabel = "<stage>",
      description = "The stage, the first segment of every path (default: dev; --http-api: none).")
  String stage;

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "<path>",
      description =
          "The functions' classes: directories and JARs separated by '${sys:path.separator}'; dir/*"
              + " adds every JAR in dir. Default: lambda-local's own class path.")
  String classpath;

  @Option(
      names = "--env-file",
      paramLabel = "<json>",
      description =
          "A SAM CLI-style env-vars file: {\"Parameters\": {...}} for every function,"
              + " {\"<NAME>\": {...}} for one.")
  Path envFile;

  @Option(
      names = "--identity-pool-id",
      paramLabel = "<id>",
      description = "The Cognito identity pool id, <region>:<uuid> (default: a new one).")
  String identityPoolId;

  @Option(
      names = "--region",
      paramLabel = "<region>",
      defaultValue = CognitoMock.DEFAULT_REGION,
      description =
          "The region of Cognito, of the API and of the functions (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--lambda-service",
      description =
          "Also serve an offline Lambda service (its endpoint, access key id and secret key are"
              + " printed after the other lines); it accepts the Cognito mock's credentials too.")
  boolean lambdaService;

  @Option(
      names = "--lambda-port",
      paramLabel = "<port>",
      defaultValue = "0",
      description = "The Lambda service's port (default: a free one).")
  int lambdaPort;

  @Option(
      names = "--define",
      paramLabel = "<NAME=value>",
      description =
          "Replace the placeholder %NAME% in the API's integrations (uri, request parameters,"
              + " templates) with value; repeatable. %AWS_ACCOUNT% is the local account unless"
              + " defined.")
  List<String> defines = new ArrayList<>();

  @Option(
      names = "--integration-host",
      paramLabel = "<host=URL>",
      description =
          "Send the requests of HTTP integrations on host to this loopback URL (e.g."
              + " api.example.com=http://127.0.0.1:8089); repeatable. Nothing leaves the machine:"
              + " an HTTP integration on another host is refused.")
  List<String> integrationHosts = new ArrayList<>();

  @Option(
      names = "--http-api",
      description = "Serve an HTTP API (payload format 2.0) instead of a REST API.")
  boolean httpApi;

  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CompletableFuture<ServedApi> started = new CompletableFuture<>();

  ServeCommand(OutputStream out, PrintStream err) {
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.err = err;
  }

  /** Start the API, print where it listens and serve until interrupted. */
  @Override
  public Integer call() {
    ServedApi served;
    try {
      served = start();
    } catch (RuntimeException e) {
      started.completeExceptionally(e);
      throw e;
    }
    Thread hook = new Thread(served::close, "lambda-local-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("API: " + served.apiUrl());
    out.println("Cognito: " + served.cognitoUrl());
    out.println("Region: " + served.region());
    out.println("Identity pool: " + served.identityPoolId());
    out.println("Account: " + served.accountUrl());
    if (served.lambda() != null) {
      out.println("Lambda: " + served.lambda().endpoint());
      out.println("Lambda access key id: " + served.lambda().credentials().accessKeyId());
      out.println("Lambda secret access key: " + served.lambda().credentials().secretAccessKey());
    }
    out.flush();
    err.println(
        "lambda-local serve: serving "
            + api
            + " ("
            + String.join(", ", served.functions())
            + "); Ctrl+C stops");
    err.flush();
    started.complete(served);
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return LambdaLocalCli.SUCCESS; // the hook closes everything
    }
    served.close();
    return LambdaLocalCli.SUCCESS;
  }

  /** Return what {@link #call()} serves, once it listens (tests in this JVM use it). */
  CompletableFuture<ServedApi> started() {
    return started;
  }

  /** Make {@link #call()} close everything and return, as an interrupt of the JVM would. */
  void stop() {
    stop.countDown();
  }

  private ServedApi start() {
    if (!Files.isRegularFile(api)) {
      throw new LambdaConfigurationException("--api: no such file: " + api);
    }
    if (envFile != null && !Files.isRegularFile(envFile)) {
      throw new LambdaConfigurationException("--env-file: no such file: " + envFile);
    }
    Map<String, String> handlers = ServedFunctions.handlers(functions);
    List<Path> entries = classpath != null ? Classpaths.parse(classpath) : null;
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      CognitoMock cognito = startCognito();
      resources.add(cognito);
      LambdaServiceMock lambdaServiceMock = null;
      if (lambdaService) {
        lambdaServiceMock =
            setting(
                "--lambda-port",
                () ->
                    LambdaServiceMock.builder()
                        .port(lambdaPort)
                        .region(region)
                        .acceptCredentialsOf(cognito)
                        .console(err)
                        .start());
        resources.add(lambdaServiceMock);
      }
      OfflineAccount account = startAccount();
      resources.add(account);
      ServedFunctions served =
          new ServedFunctions(handlers, entries, envFile, region, err, account, resources);
      ApiGatewayMock.Builder builder =
          setting(
              "--port",
              () ->
                  (httpApi ? ApiGatewayMock.httpApi() : ApiGatewayMock.restApi())
                      .port(port)
                      .region(region)
                      .iamAuthorizer(IamAuthorizer.sigV4(cognito)));
      if (stage != null) {
        setting("--stage", () -> builder.stage(stage));
      }
      for (String define : defines) {
        String[] pair = pair("--define", define, "NAME=value");
        setting("--define", () -> builder.define(pair[0], pair[1]));
      }
      for (String mapping : integrationHosts) {
        String[] pair = pair("--integration-host", mapping, "host=http://127.0.0.1:<port>");
        setting("--integration-host", () -> builder.integrationHost(pair[0], URI.create(pair[1])));
      }
      try {
        builder.definition(api, served::function);
      } catch (IllegalArgumentException e) {
        throw served.definitionError(api, e);
      }
      served.checkAllNamed(api);
      ApiGatewayMock gateway;
      try {
        gateway = builder.start();
      } catch (IllegalStateException e) {
        throw new LambdaConfigurationException("--port: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new LambdaConfigurationException(api + ": " + e.getMessage(), e);
      }
      resources.add(gateway);
      return new ServedApi(
          gateway.baseUri(),
          cognito.endpoint(),
          cognito.region(),
          cognito.defaultIdentityPoolId(),
          lambdaServiceMock,
          account.endpoint(),
          served.described(),
          List.copyOf(resources));
    } catch (RuntimeException e) {
      ServedApi.closeAll(resources);
      throw e;
    }
  }

  private CognitoMock startCognito() {
    CognitoMock.Builder builder =
        setting("--region", () -> CognitoMock.builder().region(region).port(cognitoPort));
    if (identityPoolId != null) {
      setting(
          "--identity-pool-id",
          () ->
              builder.identityPool(IdentityPool.builder().identityPoolId(identityPoolId).build()));
    }
    try {
      return builder.start();
    } catch (IllegalStateException e) {
      throw new LambdaConfigurationException("--cognito-port: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new LambdaConfigurationException("--identity-pool-id: " + e.getMessage(), e);
    }
  }

  private OfflineAccount startAccount() {
    OfflineAccount.Builder builder = AccountOptions.builder(region, secretsFile, serviceEndpoints);
    setting("--account-port", () -> builder.port(accountPort));
    setting("--extension-port", () -> builder.extensionPort(extensionPort));
    OfflineAccount account = setting("--account-port", builder::start);
    try {
      // Taken now, so that a port in use is an error naming the option, not a function's.
      setting("--extension-port", account::extensionPort);
    } catch (RuntimeException e) {
      account.close();
      throw e;
    }
    return account;
  }

  private static String[] pair(String option, String text, String expected) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw new LambdaConfigurationException(
          option + ": expected " + expected + ", got '" + text + "'");
    }
    return new String[] {text.substring(0, equals), text.substring(equals + 1)};
  }

  /** Run a builder step, reporting its IllegalArgumentException as a mistake in {@code option}. */
  private static <T> T setting(String option, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new LambdaConfigurationException(option + ": " + e.getMessage(), e);
    }
  }
}
