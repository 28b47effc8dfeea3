package dev.lambdalocal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3, unmodified, against the offline service: one Python process runs every call and prints
 * what boto3 returned, so the assertions stay here. CI installs boto3 (.ci/run).
 */
class LambdaServiceBoto3Tests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LambdaServiceMock service;

  private static final String SCRIPT =
      """
      import base64, json, sys
      import boto3
      from botocore.exceptions import ClientError

      endpoint, handler, role, v1 = sys.argv[1:5]
      client = boto3.client("lambda", endpoint_url=endpoint)
      out = {}
      with open(v1, "rb") as f:
          created = client.create_function(FunctionName="py", Runtime="java21", Handler=handler,
                                           Role=role, Code={"ZipFile": f.read()})
      out["arn"] = created["FunctionArn"]
      out["state"] = created["State"]
      client.get_waiter("function_active_v2").wait(FunctionName="py")
      invoked = client.invoke(FunctionName="py", Payload=json.dumps({"n": 5}), LogType="Tail")
      out["status"] = invoked["StatusCode"]
      out["payload"] = json.loads(invoked["Payload"].read())
      out["log"] = base64.b64decode(invoked["LogResult"]).decode()
      failed = client.invoke(FunctionName="py", Payload=json.dumps({"fail": "no stock"}))
      out["functionError"] = failed.get("FunctionError")
      out["error"] = json.loads(failed["Payload"].read())
      queued = client.invoke(FunctionName="py", InvocationType="Event", Payload="{}")
      out["eventStatus"] = queued["StatusCode"]
      client.delete_function(FunctionName="py")
      try:
          client.get_function(FunctionName="py")
      except ClientError as e:
          out["missing"] = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
      print(json.dumps(out))
      """;

  @BeforeAll
  static void start() {
    service =
        LambdaServiceMock.builder().console(new PrintStream(new ByteArrayOutputStream())).start();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void boto3CreatesInvokesAndDeletesAFunction(@TempDir Path home) throws Exception {
    Path v1 = Files.copy(TestFunctions.echoV1(), home.resolve("v1.zip"));
    Path script = Files.writeString(home.resolve("lifecycle.py"), SCRIPT);
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                "python3",
                script.toString(),
                service.endpoint().toString(),
                TestFunctions.ECHO_HANDLER,
                LambdaServiceSdkTests.ROLE,
                v1.toString()));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", service.credentials().accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", service.credentials().secretAccessKey());
    env.put("AWS_DEFAULT_REGION", service.region());
    // No profile, config or credentials file of the developer's is read.
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    Path out = home.resolve("out.json");
    Path err = home.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("boto3 finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();

    JsonNode result = JSON.readTree(out.toFile());
    assertThat(result.get("arn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:py");
    assertThat(result.get("state").asText()).isEqualTo("Pending");
    assertThat(result.get("status").asInt()).isEqualTo(200);
    assertThat(result.get("payload").get("event").get("n").asInt()).isEqualTo(5);
    assertThat(result.get("log").asText()).contains("echo v1");
    assertThat(result.get("functionError").asText()).isEqualTo("Unhandled");
    assertThat(result.get("error").get("errorMessage").asText()).isEqualTo("no stock");
    assertThat(result.get("error").get("errorType").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(result.get("eventStatus").asInt()).isEqualTo(202);
    assertThat(result.get("missing").get(0).asText()).isEqualTo("ResourceNotFoundException");
    assertThat(result.get("missing").get(1).asText())
        .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:py");
    assertThat(service.awaitEventInvocations(Duration.ofSeconds(30))).isTrue();
  }
}
