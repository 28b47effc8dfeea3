package dev.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}'s options of the offline account, through picocli, in this JVM. */
class RunAccountOptionsTests {

  private static final String READER = AccountHandlers.AwsReader.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theFunctionIsToldTheAccountsPortsAndMintedCredentials() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int free = probe.getLocalPort();
      probe.close();

      Run run = run("--account-port", Integer.toString(free), "--extension-port", "0");

      assertThat(run.status).as(run.stderr).isZero();
      JsonNode seen = JSON.readTree(run.stdout);
      assertThat(seen.get("AWS_ENDPOINT_URL").asText()).isEqualTo("http://127.0.0.1:" + free);
      assertThat(seen.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT").asText())
          .matches("\\d+")
          .isNotEqualTo("0");
      assertThat(seen.get("AWS_ACCESS_KEY_ID").asText()).matches("ASIA[A-Z2-7]{16}");
    }
  }

  @Test
  void theExtensionsPortInUseIsAnErrorWhenGivenAndAFreeOneWithANoticeByDefault() throws Exception {
    ServerSocket ours = bindOrNull(AccountOptions.EXTENSION_PORT);
    try {
      // Whoever holds it (this test, or another process), port 2773 is in use now.
      Run given = run("--extension-port", "2773");
      Run byDefault = run();

      assertThat(given.status).isEqualTo(2);
      assertThat(given.stderr)
          .isEqualTo(
              "lambda-local run: --extension-port: port 2773 of 127.0.0.1 is in use by another"
                  + " process; choose another, or 0 for a free one\n");
      assertThat(byDefault.status).as(byDefault.stderr).isZero();
      Matcher notice =
          Pattern.compile(
                  "lambda-local run: port 2773 \\(the Parameters and Secrets extension's\\) is in"
                      + " use; this run's extension API listens on (\\d+), as"
                      + " PARAMETERS_SECRETS_EXTENSION_HTTP_PORT says \\(--extension-port"
                      + " chooses\\)\n")
              .matcher(byDefault.stderr);
      assertThat(notice.lookingAt()).as(byDefault.stderr).isTrue();
      assertThat(JSON.readTree(byDefault.stdout).get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"))
          .hasToString('"' + notice.group(1) + '"');
    } finally {
      if (ours != null) {
        ours.close();
      }
    }
  }

  @Test
  void mistakesInTheAccountsOptionsAreOneLineUsageErrors() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertUsageError(
          "--account-port: port "
              + taken.getLocalPort()
              + " of 127.0.0.1 is in use by another process; choose another, or 0 for a free one",
          "--account-port",
          Integer.toString(taken.getLocalPort()));
    }
    assertUsageError("--account-port: must be 0 to 65535, got 70000", "--account-port", "70000");
    assertUsageError(
        "--service-endpoint: expected SERVICE=URL (e.g. dynamodb=http://127.0.0.1:8000), got"
            + " 'dynamodb'",
        "--service-endpoint",
        "dynamodb");
    assertUsageError(
        "--service-endpoint: serviceEndpoint must be an absolute http(s) URL without query or"
            + " fragment: ftp://127.0.0.1",
        "--service-endpoint",
        "dynamodb=ftp://127.0.0.1");
    assertUsageError(
        "--secrets-file: no-such.json: secrets file not found ("
            + Path.of("no-such.json").toAbsolutePath()
            + ")",
        "--secrets-file",
        "no-such.json");
    assertUsageError(
        "--no-offline-account: cannot be combined with --service-endpoint",
        "--no-offline-account",
        "--service-endpoint",
        "dynamodb=http://127.0.0.1:8000");
  }

  private void assertUsageError(String message, String... options) throws IOException {
    Run run = run(options);

    assertThat(run.stderr).isEqualTo("lambda-local run: " + message + "\n");
    assertThat(run.status).isEqualTo(2);
    assertThat(run.stdout).isEmpty();
  }

  /** Run {@link AccountHandlers.AwsReader} with an event that calls no service. */
  private Run run(String... options) throws IOException {
    Path event = Files.writeString(dir.resolve("event.json"), "{}");
    List<String> args =
        new ArrayList<>(List.of("run", "--handler", READER, "--event", event.toString()));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      String[] all = args.toArray(String[]::new);
      status =
          LambdaLocalCli.commandLine(new ByteArrayInputStream(new byte[0]), out, errStream, all)
              .execute(all);
    }
    // Only what precedes the function's START line: the command's own messages.
    String stderr = err.toString(StandardCharsets.UTF_8);
    int start = stderr.indexOf("START RequestId: ");
    return new Run(
        status,
        out.toString(StandardCharsets.UTF_8),
        start < 0 ? stderr : stderr.substring(0, start));
  }

  private static ServerSocket bindOrNull(int port) throws IOException {
    try {
      return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
    } catch (BindException inUse) {
      return null;
    }
  }

  private record Run(int status, String stdout, String stderr) {}
}
