package dev.lambdalocal.cli;

import static dev.lambdalocal.cli.ServeHandlers.STATUS;
import static dev.lambdalocal.cli.ServeHandlers.WHO_AM_I;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tests the {@code connect} command through picocli, in this JVM, against mocks in this JVM. */
class ConnectCommandTests {

  private static CognitoMock cognito;
  private static LocalLambda whoAmI;
  private static LocalLambda status;
  private static ApiGatewayMock api;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  @BeforeAll
  static void startApi() {
    cognito = CognitoMock.builder().start();
    whoAmI = LocalLambda.builder().handler(WHO_AM_I).functionName("WhoAmI").quiet(true).build();
    status = LocalLambda.builder().handler(STATUS).functionName("Status").quiet(true).build();
    api =
        ApiGatewayMock.restApi()
            .iamAuthorizer(IamAuthorizer.sigV4(cognito))
            .definition(ServeCommandTests.api(), Map.of("WhoAmI", whoAmI, "Status", status))
            .start();
  }

  @AfterAll
  static void stopApi() {
    api.close();
    whoAmI.close();
    status.close();
    cognito.close();
  }

  @Test
  void printsTheStatusThenTheBodyAndCachesTheIdentity() throws Exception {
    int exit = connect("--endpoint", "/whoami", "--query", "q=1");

    Identity cached = IdentityCache.in(dir).load("default").orElseThrow();
    assertThat(err())
        .isEqualTo(
            "lambda-local connect: as "
                + cached.identityId()
                + " (cached in "
                + dir.resolve(".lambda-local/identity_default.json")
                + ")\n");
    assertThat(out())
        .isEqualTo(
            "200\n{\"identityId\":\""
                + cached.identityId()
                + "\",\"query\":\"1\",\"greeting\":\"\",\"body\":null}\n");
    assertThat(exit).isZero();
  }

  @Test
  void reusesTheIdentityOfAnEnvironmentAndNotOfAnother() {
    connect("--endpoint", "/whoami", "--env", "a");
    connect("--endpoint", "/whoami", "--env", "a");
    connect("--endpoint", "/whoami", "--env", "b");

    String a = IdentityCache.in(dir).load("a").orElseThrow().identityId();
    String b = IdentityCache.in(dir).load("b").orElseThrow().identityId();
    assertThat(a).isNotEqualTo(b);
    assertThat(out()).containsSubsequence(a, a, b);
  }

  @Test
  void sendsThePayloadWithTheCallersIdentityInIt() throws Exception {
    Path payload = dir.resolve("payload.json");
    Files.writeString(payload, "{\"me\": \"%IDENTITY_ID%\"}");

    int exit =
        connect("--endpoint", "/whoami", "--method", "post", "--payload", payload.toString());

    String id = IdentityCache.in(dir).load("default").orElseThrow().identityId();
    assertThat(out()).endsWith(",\"body\":{\"me\": \"" + id + "\"}}\n");
    assertThat(exit).isZero();
  }

  @Test
  void anHttpStatusOtherThan2xxExitsOne() {
    int exit = connect("--endpoint", "/status");

    assertThat(out()).isEqualTo("418\nshort and stout\n");
    assertThat(exit).isEqualTo(1);
  }

  @Test
  void apiGatewaysRefusalIsPrintedAsAnyAnswer() {
    int exit = connect("--endpoint", "/nowhere");

    assertThat(out()).isEqualTo("403\n{\"message\":\"Missing Authentication Token\"}\n");
    assertThat(exit).isEqualTo(1);
  }

  @Test
  void mistakesAreOneLineUsageErrors() throws Exception {
    assertUsageError(
        "lambda-local connect: --method: method must be one of GET, POST, PUT, DELETE, PATCH,"
            + " HEAD, OPTIONS: FETCH",
        "--endpoint",
        "/whoami",
        "--method",
        "FETCH");
    assertUsageError(
        "lambda-local connect: --query: expected name=value, got 'q'",
        "--endpoint",
        "/whoami",
        "--query",
        "q");
    assertUsageError(
        "lambda-local connect: --env: environment name must be letters, digits, '.', '_' or '-':"
            + " ../x",
        "--endpoint",
        "/whoami",
        "--env",
        "../x");
    Path payload = dir.resolve("bad.json");
    Files.writeString(payload, "{\n}}");
    out.reset();
    err.reset();
    assertThat(connect("--endpoint", "/whoami", "--payload", payload.toString())).isEqualTo(2);
    assertThat(err()).startsWith("lambda-local connect: " + payload + ": line 2").hasLineCount(1);
    out.reset();
    err.reset();
    assertThat(
            execute(
                "connect",
                "--endpoint",
                "/whoami",
                "--api-url",
                "ftp://example.com/",
                "--identity-pool-id",
                cognito.defaultIdentityPoolId()))
        .isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "lambda-local connect: --api-url: baseUri must be an absolute http(s) URL without query"
                + " or fragment: ftp://example.com/\n");
    out.reset();
    err.reset();
    assertThat(execute("connect", "--endpoint", "/whoami")).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "lambda-local connect: Missing required options: '--api-url=<url>',"
                + " '--identity-pool-id=<id>' (see 'lambda-local connect --help')\n");
  }

  @Test
  void anUnreachableApiIsAUsageError() {
    out.reset();
    int exit =
        execute(
            "connect",
            "--endpoint",
            "/whoami",
            "--api-url",
            "http://127.0.0.1:1/dev/",
            "--cognito-url",
            cognito.endpoint().toString(),
            "--identity-pool-id",
            cognito.defaultIdentityPoolId());

    assertThat(exit).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(err())
        .endsWith("\n")
        .contains("lambda-local connect: Cannot send GET http://127.0.0.1:1/dev/whoami");
  }

  private void assertUsageError(String message, String... args) {
    out.reset();
    err.reset();
    assertThat(connect(args)).isEqualTo(2);
    assertThat(err()).isEqualTo(message + "\n");
    assertThat(out()).isEmpty();
  }

  /** Run connect against the API of this class, with the cache in the temporary directory. */
  private int connect(String... args) {
    List<String> all = new ArrayList<>(List.of("connect"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--api-url",
            api.baseUri().toString(),
            "--cognito-url",
            cognito.endpoint().toString(),
            "--identity-pool-id",
            cognito.defaultIdentityPoolId()));
    return execute(all.toArray(String[]::new));
  }

  private int execute(String... args) {
    CommandLine cli =
        LambdaLocalCli.commandLine(
            InputStream.nullInputStream(), out, new PrintStream(err, true, StandardCharsets.UTF_8));
    ConnectCommand command = cli.getSubcommands().get("connect").getCommand();
    command.workingDirectory = dir;
    return cli.execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
