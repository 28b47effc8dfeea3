package dev.lambdalocal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI (v1, botocore), unmodified, against the offline service: one process per command, so
 * few commands. CI installs it (.ci/run).
 */
class LambdaServiceAwsCliTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LambdaServiceMock service;

  @BeforeAll
  static void start() {
    service =
        LambdaServiceMock.builder().console(new PrintStream(new ByteArrayOutputStream())).start();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private record Result(int status, String out, String err) {}

  private static Result aws(Path home, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "lambda"));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", service.endpoint().toString(), "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", service.credentials().accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", service.credentials().secretAccessKey());
    env.put("AWS_DEFAULT_REGION", service.region());
    // No profile, config or credentials file of the developer's is read.
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process process =
        builder
            .directory(home.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void theCliCreatesInvokesUpdatesAndDeletesAFunction(@TempDir Path home) throws Exception {
    Path v1 = Files.copy(TestFunctions.echoV1(), home.resolve("v1.zip"));
    Path v2 = Files.copy(TestFunctions.echoV2(), home.resolve("v2.zip"));
    Result created =
        aws(
            home,
            "create-function",
            "--function-name",
            "cli",
            "--runtime",
            "java21",
            "--handler",
            TestFunctions.ECHO_HANDLER,
            "--role",
            LambdaServiceSdkTests.ROLE,
            "--zip-file",
            "fileb://" + v1);
    assertThat(created.status()).as(created.err()).isZero();
    assertThat(JSON.readTree(created.out()).get("FunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:cli");

    Result invoked =
        aws(
            home,
            "invoke",
            "--function-name",
            "cli",
            "--payload",
            "{\"n\":7}",
            "--log-type",
            "Tail",
            "response.json");
    assertThat(invoked.status()).as(invoked.err()).isZero();
    JsonNode metadata = JSON.readTree(invoked.out());
    assertThat(metadata.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(metadata.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(
            new String(
                Base64.getDecoder().decode(metadata.get("LogResult").asText()),
                StandardCharsets.UTF_8))
        .contains("echo v1");
    JsonNode response = JSON.readTree(home.resolve("response.json").toFile());
    assertThat(response.get("event").get("n").asInt()).isEqualTo(7);

    Result updated =
        aws(home, "update-function-code", "--function-name", "cli", "--zip-file", "fileb://" + v2);
    assertThat(updated.status()).as(updated.err()).isZero();
    assertThat(JSON.readTree(updated.out()).get("LastUpdateStatus").asText())
        .isEqualTo("InProgress");

    Result memory =
        aws(
            home,
            "update-function-configuration",
            "--function-name",
            "cli",
            "--memory-size",
            "1024");
    assertThat(memory.status()).as(memory.err()).isZero();
    assertThat(JSON.readTree(memory.out()).get("MemorySize").asInt()).isEqualTo(1024);

    Result got = aws(home, "get-function", "--function-name", "cli");
    assertThat(got.status()).as(got.err()).isZero();
    JsonNode configuration = JSON.readTree(got.out()).get("Configuration");
    assertThat(configuration.get("MemorySize").asInt()).isEqualTo(1024);
    assertThat(configuration.get("LastUpdateStatus").asText()).isEqualTo("Successful");
    assertThat(configuration.get("CodeSha256").asText())
        .isEqualTo(
            Base64.getEncoder()
                .encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(v2))));

    Result deleted = aws(home, "delete-function", "--function-name", "cli");
    assertThat(deleted.status()).as(deleted.err()).isZero();
    Result gone = aws(home, "get-function", "--function-name", "cli");
    assertThat(gone.status()).as("AWS CLI v1: 255 for a service error").isEqualTo(255);
    assertThat(gone.err().strip())
        .isEqualTo(
            "An error occurred (ResourceNotFoundException) when calling the GetFunction operation:"
                + " Function not found: arn:aws:lambda:us-east-1:123456789012:function:cli");
  }
}
