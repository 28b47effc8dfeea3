package dev.lambdalocal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI (v1) and boto3 pointed at the account by {@code AWS_ENDPOINT_URL} alone, with every
 * other AWS_* variable scrubbed: each runs every Secrets Manager and SSM operation, and their error
 * cases, from one script (cli_operations.sh, boto3_operations.py; starting Python costs about a
 * second), and the same expectations check both.
 */
class PythonClientsTests {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static OfflineAccount account;

  @BeforeAll
  static void start() {
    account =
        OfflineAccount.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).extensionPort(0).start();
  }

  @AfterAll
  static void stop() {
    account.close();
  }

  @Test
  void awsCliRunsEveryOperation(@TempDir Path dir) throws Exception {
    String prefix = "cli-" + UUID.randomUUID();
    Path script = resource(dir, "cli_operations.sh");
    String stdout = run(dir, List.of("bash", script.toString(), prefix, dir.toString()));
    ClientCalls calls = ClientCalls.fromAwsCli(stdout);
    SecretsManagerExpectations.check(calls, prefix, START);
    ParameterStoreExpectations.check(calls, prefix, START);
    assertThat(calls.unchecked()).isEmpty();
  }

  @Test
  void boto3RunsEveryOperation(@TempDir Path dir) throws Exception {
    String prefix = "boto3-" + UUID.randomUUID();
    Path script = resource(dir, "boto3_operations.py");
    String stdout =
        run(
            dir,
            List.of(
                "python3", script.toString(), prefix, account.cognito().defaultIdentityPoolId()));
    ClientCalls calls = ClientCalls.fromBoto3(stdout);
    SecretsManagerExpectations.check(calls, prefix, START);
    ParameterStoreExpectations.check(calls, prefix, START);
    // Cognito Identity answers on the same endpoint.
    assertThat(calls.output("cognitoGetId").get("IdentityId").asText()).startsWith("us-east-1:");
    assertThat(calls.unchecked()).isEmpty();
  }

  private static Path resource(Path dir, String name) throws IOException {
    Path script = dir.resolve(name);
    try (var in = PythonClientsTests.class.getResourceAsStream("/account/" + name)) {
      Files.write(script, in.readAllBytes());
    }
    return script;
  }

  /** Run {@code command} against the account alone and return its stdout; it must exit with 0. */
  private static String run(Path dir, List<String> command) throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.redirectError(stderr.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("AWS_"));
    env.put("AWS_ENDPOINT_URL", account.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", OfflineAccount.ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", OfflineAccount.SECRET_KEY);
    env.put("AWS_DEFAULT_REGION", account.region());
    // No profile, config or credentials file of the machine may point anywhere else.
    env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    assertThat(status).as(Files.readString(stderr)).isZero();
    return stdout;
  }
}
