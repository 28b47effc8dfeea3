package dev.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code lambda-local run} and the offline account, as a user runs it: the executable JAR in a JVM
 * of its own, the handler's AWS clients built from defaults, nothing AWS-related in the process's
 * environment.
 */
class RunAccountJarTests {

  private static final String READER = AccountHandlers.AwsReader.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theHandlersDefaultClientsReadTheSecretsFileOfflineAndNothingLeavesLoopback()
      throws Exception {
    Path secrets =
        Files.writeString(
            dir.resolve("secrets.json"), "{\"secrets\": {\"prod/db-password\": \"s3cr3t\"}}");

    Result result =
        run(
            "{\"secretId\": \"prod/db-password\", \"extension\": \"yes\", \"dynamodb\": \"yes\"}",
            "--secrets-file",
            secrets.toString(),
            "--extension-port",
            "0");

    assertThat(result.status).as(result.stderr).isZero();
    JsonNode seen = JSON.readTree(result.stdout);
    assertThat(seen.get("secret").asText()).as(seen.toString()).isEqualTo("s3cr3t");
    assertThat(seen.get("extensionSecret").asText())
        .startsWith("200 ")
        .contains("\"SecretString\":\"s3cr3t\"");
    assertThat(seen.get("AWS_ENDPOINT_URL").asText()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(seen.get("AWS_ENDPOINT_URL_SECRETS_MANAGER").asText()).isEqualTo("null");
    assertThat(seen.get("AWS_ACCESS_KEY_ID").asText())
        .as("credentials the account minted, not lambda-local's dummies")
        .matches("ASIA[A-Z2-7]{16}")
        .isNotEqualTo("ASIALAMBDALOCALDUMMY");
    // A service the account does not serve: a local error, never a request to AWS.
    assertThat(seen.get("dynamodb").asText())
        .startsWith(
            "lambda-local's offline account does not serve X-Amz-Target"
                + " DynamoDB_20120810.ListTables (it serves cognito-identity, secretsmanager, ssm,"
                + " lambda); nothing was sent to AWS.");
  }

  @Test
  void withoutTheOfflineAccountTheFunctionHasNoEndpointAndLambdaLocalsDummyCredentials()
      throws Exception {
    Result result = run("{}", "--no-offline-account");

    assertThat(result.status).as(result.stderr).isZero();
    JsonNode seen = JSON.readTree(result.stdout);
    assertThat(seen.get("AWS_ENDPOINT_URL").asText()).isEqualTo("null");
    assertThat(seen.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT").asText()).isEqualTo("null");
    assertThat(seen.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("ASIALAMBDALOCALDUMMY");
  }

  @Test
  void aServiceEndpointSendsThatServicesClientsThereAndTheOthersStillToTheAccount()
      throws Exception {
    // Stands in for LocalStack or another server the user runs: it answers any GetSecretValue.
    HttpServer elsewhere =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    List<String> targets = new ArrayList<>();
    elsewhere.createContext(
        "/",
        exchange -> {
          targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              ("{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password-"
                      + "AbCdEf\",\"Name\":\"prod/db-password\",\"SecretString\":\"from elsewhere\","
                      + "\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    elsewhere.start();
    try {
      String url = "http://127.0.0.1:" + elsewhere.getAddress().getPort();

      Result result =
          run(
              "{\"secretId\": \"prod/db-password\", \"dynamodb\": \"yes\"}",
              "--service-endpoint",
              "secrets-manager=" + url,
              "--extension-port",
              "0");

      assertThat(result.status).as(result.stderr).isZero();
      JsonNode seen = JSON.readTree(result.stdout);
      assertThat(seen.get("AWS_ENDPOINT_URL_SECRETS_MANAGER").asText()).isEqualTo(url);
      assertThat(seen.get("secret").asText()).as(seen.toString()).isEqualTo("from elsewhere");
      assertThat(targets).containsExactly("secretsmanager.GetSecretValue");
      assertThat(seen.get("dynamodb").asText())
          .as("other services still go to the offline account")
          .contains("does not serve X-Amz-Target DynamoDB_20120810.ListTables");
    } finally {
      elsewhere.stop(0);
    }
  }

  /** Run {@link AccountHandlers.AwsReader} with {@code event} and {@code options}. */
  private Result run(String event, String... options) throws Exception {
    Path eventFile = Files.writeString(dir.resolve("event.json"), event);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--classpath",
                String.join(
                    File.pathSeparator,
                    ExecutableJar.handlers(),
                    ExecutableJar.location(SecretsManagerClient.class),
                    ExecutableJar.location(DynamoDbClient.class)),
                "--handler",
                READER,
                "--event",
                eventFile.toString(),
                // A JVM's first SDK clients load many classes; the account starts meanwhile.
                "--timeout",
                "120"));
    args.addAll(List.of(options));
    ProcessBuilder builder = ExecutableJar.java(dir, args.toArray(String[]::new));
    // Nothing of the developer's AWS set-up reaches the command: no keys, no endpoints, no profile.
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-creds").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process, true));
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process, false));
    if (!process.waitFor(150, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("lambda-local did not exit within 150 s: " + stderr.getNow(""));
    }
    return new Result(process.exitValue(), stdout.get(), stderr.get());
  }

  private static String read(Process process, boolean stdout) {
    try (InputStream in = stdout ? process.getInputStream() : process.getErrorStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(int status, String stdout, String stderr) {}
}
