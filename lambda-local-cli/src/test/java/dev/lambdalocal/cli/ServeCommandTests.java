package dev.lambdalocal.cli;

import static dev.lambdalocal.cli.ServeHandlers.FAILING_INIT;
import static dev.lambdalocal.cli.ServeHandlers.STATUS;
import static dev.lambdalocal.cli.ServeHandlers.WHO_AM_I;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Tests the {@code serve} command's arguments, messages and output through picocli, in this JVM.
 */
class ServeCommandTests {

  static final String POOL = "us-east-1:7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CommandLine cli =
      LambdaLocalCli.commandLine(
          InputStream.nullInputStream(), out, new PrintStream(err, true, StandardCharsets.UTF_8));

  @TempDir Path dir;

  static Path api() {
    try {
      return Path.of(ServeCommandTests.class.getResource("/cli/whoami.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCommandLineFindsServeAndConnect() {
    assertThat(cli.execute()).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "lambda-local: Missing required subcommand: run, serve, connect, package, deploy, secrets"
                + " (see 'lambda-local --help')\n");
  }

  @Test
  void withLambdaServiceAlsoServesTheOfflineLambdaService() throws Exception {
    Running running =
        serve(
            "--api",
            api().toString(),
            "--function",
            "WhoAmI=" + WHO_AM_I,
            "--function",
            "Status=" + STATUS,
            "--identity-pool-id",
            POOL,
            "--lambda-service");
    ServedApi served = running.served();
    assertThat(out())
        .matches(
            "API: http://127\\.0\\.0\\.1:\\d+/dev/\n"
                + "Cognito: http://127\\.0\\.0\\.1:\\d+\n"
                + "Region: us-east-1\n"
                + "Identity pool: "
                + POOL
                + "\n"
                + "Account: http://127\\.0\\.0\\.1:\\d+\n"
                + "Lambda: http://127\\.0\\.0\\.1:\\d+\n"
                + "Lambda access key id: AKIA[A-Z2-7]{16}\n"
                + "Lambda secret access key: \\S{40}\n");
    try (software.amazon.awssdk.services.lambda.LambdaClient client =
        served.lambda().createClient()) {
      assertThat(client.listFunctions().functions()).isEmpty();
    }
    assertThat(running.stop()).isZero();
  }

  @Test
  void servesUntilStoppedAndPrintsWhereItListens() throws Exception {
    Path envFile = dir.resolve("env.json");
    Files.writeString(envFile, "{\"WhoAmI\": {\"GREETING\": \"hi\"}}");

    Running running =
        serve(
            "--api",
            api().toString(),
            "--function",
            "WhoAmI=" + WHO_AM_I,
            "--function",
            "Status=" + STATUS,
            "--identity-pool-id",
            POOL,
            "--env-file",
            envFile.toString());
    ServedApi served = running.served();

    assertThat(out())
        .matches(
            "API: http://127\\.0\\.0\\.1:\\d+/dev/\n"
                + "Cognito: http://127\\.0\\.0\\.1:\\d+\n"
                + "Region: us-east-1\n"
                + "Identity pool: "
                + POOL
                + "\nAccount: http://127\\.0\\.0\\.1:\\d+\n");
    assertThat(out()).startsWith("API: " + served.apiUrl() + "\n");
    assertThat(err())
        .startsWith(
            "lambda-local serve: serving "
                + api()
                + " (WhoAmI="
                + WHO_AM_I
                + ", Status="
                + STATUS
                + "); Ctrl+C stops\n");
    try (ApiClient client =
        ApiClient.builder()
            .baseUri(served.apiUrl())
            .cognitoEndpoint(served.cognitoUrl())
            .identityPoolId(POOL)
            .build()) {
      ApiResponse response = client.get("/whoami");
      assertThat(response.bodyText())
          .isEqualTo(
              "{\"identityId\":\""
                  + client.identity().identityId()
                  + "\",\"query\":\"\",\"greeting\":\"hi\",\"body\":null}");
      assertThat(response.statusCode()).isEqualTo(200);
    }

    assertThat(running.stop()).isZero();
  }

  @Test
  void anHttpApiHasNoStageByDefault() throws Exception {
    Running running =
        serve(
            "--api",
            api().toString(),
            "--function",
            "WhoAmI=" + WHO_AM_I,
            "--function",
            "Status=" + STATUS,
            "--http-api",
            "--region",
            "eu-west-1");

    assertThat(out())
        .matches(
            "API: http://127\\.0\\.0\\.1:\\d+/\n"
                + "Cognito: http://127\\.0\\.0\\.1:\\d+\n"
                + "Region: eu-west-1\n"
                + "Identity pool: eu-west-1:[0-9a-f-]{36}\n"
                + "Account: http://127\\.0\\.0\\.1:\\d+\n");
    assertThat(running.stop()).isZero();
  }

  @Test
  void functionsWithoutFunctionOptionAreListedAtStartUp() {
    assertUsageError(
        "lambda-local serve: "
            + api()
            + ": functions named in the file but given no --function: WhoAmI, Status"
            + " (add --function NAME=<class[::method]> for each)",
        "serve",
        "--api",
        api().toString());
  }

  @Test
  void anExtensionPortInUseIsAUsageErrorNamingTheOption() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int status =
          cli.execute(
              "serve",
              "--api",
              api().toString(),
              "--function",
              "WhoAmI=" + WHO_AM_I,
              "--function",
              "Status=" + STATUS,
              "--extension-port",
              Integer.toString(taken.getLocalPort()));

      assertThat(status).isEqualTo(2);
      assertThat(err())
          .startsWith(
              "lambda-local serve: --extension-port: Cannot start the Parameters and Secrets"
                  + " Lambda Extension's local API on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": the port is in use by another process")
          .endsWith("\n")
          .hasLineCount(1);
      assertThat(out()).isEmpty();
    }
  }

  @Test
  void aFunctionTheApiDoesNotNameIsAnError() {
    assertUsageError(
        "lambda-local serve: --function Other=x.Y: "
            + api()
            + " names no function Other (it names WhoAmI, Status)",
        "serve",
        "--api",
        api().toString(),
        "--function",
        "WhoAmI=" + WHO_AM_I,
        "--function",
        "Status=" + STATUS,
        "--function",
        "Other=x.Y");
  }

  @Test
  void aHandlerThatDoesNotResolveFailsAtStartUp() {
    assertUsageError(
        "lambda-local serve: --function WhoAmI=no.such.Handler::handle: class no.such.Handler not"
            + " found",
        "serve",
        "--api",
        api().toString(),
        "--function",
        "WhoAmI=no.such.Handler::handle",
        "--function",
        "Status=" + STATUS);
    assertUsageError(
        "lambda-local serve: --function WhoAmI=no.such.Handler: class no.such.Handler not found"
            + " on --classpath",
        "serve",
        "--api",
        api().toString(),
        "--function",
        "WhoAmI=no.such.Handler",
        "--function",
        "Status=" + STATUS,
        "--classpath",
        dir.toString());
  }

  @Test
  void aHandlerThatFailsItsInitIsOneLineWithoutItsStackTrace() {
    int status =
        cli.execute(
            "serve",
            "--api",
            api().toString(),
            "--function",
            "WhoAmI=" + WHO_AM_I,
            "--function",
            "Status=" + FAILING_INIT,
            "--extension-port",
            "0");

    assertThat(status).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(err())
        .isEqualTo(
            "lambda-local serve: --function Status="
                + FAILING_INIT
                + ": Error loading class "
                + FAILING_INIT
                + "\n");
  }

  @Test
  void malformedOptionsAreOneLineUsageErrors() {
    assertUsageError(
        "lambda-local serve: --function: expected NAME=<class[::method]>, got 'WhoAmI'",
        "serve",
        "--api",
        api().toString(),
        "--function",
        "WhoAmI");
    assertUsageError(
        "lambda-local serve: --function: WhoAmI is given twice",
        "serve",
        "--api",
        api().toString(),
        "--function",
        "WhoAmI=a.B",
        "--function",
        "WhoAmI=c.D");
    assertUsageError(
        "lambda-local serve: --api: no such file: no/such.yaml", "serve", "--api", "no/such.yaml");
    assertUsageError(
        "lambda-local serve: --region: region is not an AWS region name: nowhere",
        "serve",
        "--api",
        api().toString(),
        "--region",
        "nowhere");
    assertUsageError(
        "lambda-local serve: --identity-pool-id: identity pool id eu-west-1:"
            + POOL.substring(10)
            + " is not of the form us-east-1:<uuid>",
        "serve",
        "--api",
        api().toString(),
        "--identity-pool-id",
        "eu-west-1:" + POOL.substring(10));
    assertUsageError(
        "lambda-local serve: --service-endpoint: expected SERVICE=URL (e.g."
            + " dynamodb=http://127.0.0.1:8000), got 'dynamodb'",
        "serve",
        "--api",
        api().toString(),
        "--function",
        "WhoAmI=" + WHO_AM_I,
        "--function",
        "Status=" + STATUS,
        "--service-endpoint",
        "dynamodb");
    assertUsageError(
        "lambda-local serve: Missing required option: '--api=<file>'"
            + " (see 'lambda-local serve --help')",
        "serve");
  }

  static Path api2015() {
    try {
      return Path.of(ServeCommandTests.class.getResource("/cli/status-2015.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void servesThe2015DialectWithDefinesAndIntegrationHosts() throws Exception {
    Running running =
        serve(
            "--api",
            api2015().toString(),
            "--function",
            "Status=" + STATUS,
            "--define",
            "MOTD=tea time",
            "--integration-host",
            "upstream.example.com=http://127.0.0.1:9");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> status =
        http.send(
            HttpRequest.newBuilder(running.served().apiUrl().resolve("status")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> motd =
        http.send(
            HttpRequest.newBuilder(running.served().apiUrl().resolve("motd")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).isEqualTo("{\"said\": \"short and stout\", \"code\": 418}");
    assertThat(motd.body()).isEqualTo("{\"motd\": \"tea time\"}");
    assertThat(running.stop()).isZero();
  }

  @Test
  void undefinedPlaceholdersAndUnmappedHostsAreUsageErrors() {
    assertUsageError(
        "lambda-local serve: "
            + api2015()
            + ": GET /motd: placeholder %MOTD% is not defined (define it: serve --define MOTD=…,"
            + " @WithApiGateway(placeholders = @ApiPlaceholder(name = \"MOTD\", value = …)) or"
            + " ApiGatewayMock.Builder.define)",
        "serve",
        "--api",
        api2015().toString(),
        "--function",
        "Status=" + STATUS);
    assertUsageError(
        "lambda-local serve: "
            + api2015()
            + ": GET /upstream: the http_proxy integration's host upstream.example.com is not"
            + " mapped to a local endpoint, and ApiGatewayMock never calls out of this machine: map"
            + " it (ApiGatewayMock.Builder.integrationHost(\"upstream.example.com\", URI),"
            + " @WithApiGateway(integrationHosts = @IntegrationHost(host = \"upstream.example.com\","
            + " port = …)), serve --integration-host upstream.example.com=http://127.0.0.1:<port>)",
        "serve",
        "--api",
        api2015().toString(),
        "--function",
        "Status=" + STATUS,
        "--define",
        "MOTD=x");
    assertUsageError(
        "lambda-local serve: --define: expected NAME=value, got 'MOTD'",
        "serve",
        "--api",
        api2015().toString(),
        "--define",
        "MOTD");
  }

  private void assertUsageError(String message, String... args) {
    out.reset();
    err.reset();
    List<String> all = new ArrayList<>(List.of(args));
    if (all.size() > 1) {
      // Parallel builds on one machine never meet on the extension's port 2773.
      all.addAll(List.of("--extension-port", "0"));
    }
    assertThat(cli.execute(all.toArray(String[]::new))).isEqualTo(2);
    assertThat(err()).isEqualTo(message + "\n");
    assertThat(out()).isEmpty();
  }

  private Running serve(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("serve"));
    all.addAll(List.of(args));
    // Parallel builds on one machine never meet on the extension's port 2773.
    all.addAll(List.of("--extension-port", "0"));
    ServeCommand command = cli.getSubcommands().get("serve").getCommand();
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(() -> cli.execute(all.toArray(String[]::new)));
    ServedApi served;
    try {
      served = command.started().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      command.stop();
      throw new AssertionError("serve did not start: " + err(), e);
    }
    return new Running(command, served, status);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private record Running(
      ServeCommand command, ServedApi served, CompletableFuture<Integer> status) {
    int stop() throws Exception {
      command.stop();
      return status.get(30, TimeUnit.SECONDS);
    }
  }
}
