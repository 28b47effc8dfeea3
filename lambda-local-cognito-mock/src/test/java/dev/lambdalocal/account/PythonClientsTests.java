package dev.lambdalocal.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 and the AWS CLI (v1) pointed at the account by {@code AWS_ENDPOINT_URL} alone: one Python
 * process runs every operation (each start of Python costs about a second), two CLI calls check the
 * command line's output and error text.
 */
class PythonClientsTests {

  private static OfflineAccount account;

  @BeforeAll
  static void start() {
    account = OfflineAccount.builder().extensionPort(0).secret("cli/secret", "from-cli").start();
  }

  @AfterAll
  static void stop() {
    account.close();
  }

  private static Process start(Path dir, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("AWS_"));
    env.put("AWS_ENDPOINT_URL", account.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", OfflineAccount.ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", OfflineAccount.SECRET_KEY);
    env.put("AWS_DEFAULT_REGION", account.region());
    env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString());
    return builder.start();
  }

  private static String[] run(Path dir, List<String> command) throws Exception {
    Process process = start(dir, command);
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    int status = process.waitFor();
    return new String[] {
      Integer.toString(status),
      new String(stdout, StandardCharsets.UTF_8),
      new String(stderr, StandardCharsets.UTF_8)
    };
  }

  @Test
  void boto3RunsEveryOperation(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("boto3_operations.py");
    try (var in = PythonClientsTests.class.getResourceAsStream("/account/boto3_operations.py")) {
      Files.write(script, in.readAllBytes());
    }
    String prefix = "boto3-" + UUID.randomUUID();
    String[] result =
        run(
            dir,
            List.of(
                "python3", script.toString(), prefix, account.cognito().defaultIdentityPoolId()));
    assertThat(result[0]).as(result[2]).isEqualTo("0");
    JsonNode out = new ObjectMapper().readTree(result[1]);
    assertThat(out.get("create").asText())
        .matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + prefix + "/db-\\w{6}");
    assertThat(out.get("createAgain").asText())
        .isEqualTo(
            "ResourceExistsException: The operation failed because the secret "
                + prefix
                + "/db already exists.");
    assertThat(out.get("get").asText()).isEqualTo("v1");
    assertThat(out.get("put").get(0).asText()).isEqualTo("AWSCURRENT");
    assertThat(out.get("previous").asText()).isEqualTo("v1");
    assertThat(out.get("describe").asText()).isEqualTo("desc");
    assertThat(out.get("list").get(0).asText()).isEqualTo(prefix + "/db");
    assertThat(out.get("list")).hasSize(1);
    assertThat(out.get("binary").asText()).isEqualTo("AAE=");
    assertThat(out.get("getDeleted").asText())
        .isEqualTo(
            "InvalidRequestException: You can't perform this operation on the secret because it"
                + " was marked for deletion.");
    assertThat(out.get("restore").asText()).isEqualTo(prefix + "/db");
    assertThat(out.get("getMissing").asText())
        .isEqualTo("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    assertThat(out.get("putParameter").asInt()).isEqualTo(1);
    assertThat(out.get("putParameterAgain").asText())
        .isEqualTo(
            "ParameterAlreadyExists: The parameter already exists. To overwrite this value, set"
                + " the overwrite option in the request to true.");
    assertThat(out.get("getEncrypted").asBoolean()).isTrue();
    assertThat(out.get("getDecrypted").asText()).isEqualTo("s3cr3t");
    assertThat(out.get("getParameters").get(0).asText()).isEqualTo(prefix + "/param/missing");
    assertThat(out.get("byPath").get(0).asText()).isEqualTo(prefix + "/param");
    assertThat(out.get("describeParameters")).hasSize(1);
    assertThat(out.get("history").get(0).asInt()).isEqualTo(1);
    assertThat(out.get("deleteParameter").asText()).isEqualTo("deleted");
    assertThat(out.get("deleteParameters").get(0).asText()).isEqualTo(prefix + "/param");
    assertThat(out.get("getMissingParameter").asText()).isEqualTo("ParameterNotFound: ");
    assertThat(out.get("cognitoGetId").asText()).isEqualTo("us-east-1");
  }

  @Test
  void awsCliReadsSecretsAndReportsErrors(@TempDir Path dir) throws Exception {
    String[] value =
        run(
            dir,
            List.of(
                "aws",
                "secretsmanager",
                "get-secret-value",
                "--secret-id",
                "cli/secret",
                "--query",
                "SecretString",
                "--output",
                "text"));
    assertThat(value[0]).as(value[2]).isEqualTo("0");
    assertThat(value[1].trim()).isEqualTo("from-cli");
    String[] missing = run(dir, List.of("aws", "ssm", "get-parameter", "--name", "/cli/missing"));
    // AWS CLI v1 exits with 255 on a service error (v2 with 254).
    assertThat(missing[0]).as(missing[2]).isEqualTo("255");
    assertThat(missing[2].trim())
        .isEqualTo(
            "An error occurred (ParameterNotFound) when calling the GetParameter operation:");
  }
}
