package dev.lambdalocal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

/** The offline Lambda service through the real SDK v2 {@code LambdaClient} over loopback HTTP. */
class LambdaServiceSdkTests {

  static final String ROLE = "arn:aws:iam::123456789012:role/lambda-local-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LambdaServiceMock service;
  private static LambdaClient client;

  @BeforeAll
  static void start() {
    service =
        LambdaServiceMock.builder().console(new PrintStream(new ByteArrayOutputStream())).start();
    client = service.createClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    service.close();
  }

  static CreateFunctionResponse create(LambdaClient client, String name, Path zip, String handler) {
    return client.createFunction(
        r ->
            r.functionName(name)
                .runtime("java21")
                .handler(handler)
                .role(ROLE)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.bytes(zip)))));
  }

  static JsonNode invokeJson(LambdaClient client, String name, String payload) throws Exception {
    InvokeResponse response =
        client.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    return JSON.readTree(response.payload().asUtf8String());
  }

  @Test
  void lifecycleCreateGetInvokeUpdateDelete() throws Exception {
    byte[] zip = TestFunctions.bytes(TestFunctions.echoV1());
    CreateFunctionResponse created =
        create(client, "lifecycle", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    assertThat(created.functionArn())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:lifecycle");
    assertThat(created.state()).isEqualTo(State.PENDING);
    assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
    assertThat(created.codeSha256())
        .isEqualTo(
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip)));
    assertThat(created.codeSize()).isEqualTo(zip.length);
    assertThat(created.memorySize()).isEqualTo(128);
    assertThat(created.timeout()).isEqualTo(3);
    assertThat(created.version()).isEqualTo("$LATEST");

    GetFunctionResponse got = client.getFunction(r -> r.functionName("lifecycle"));
    assertThat(got.configuration().state()).isEqualTo(State.ACTIVE);
    assertThat(got.configuration().lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(got.code().location())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.body()).isEqualTo(zip);

    JsonNode first = invokeJson(client, "lifecycle", "{\"n\":1}");
    assertThat(first.get("build").asText()).isEqualTo("v1");
    assertThat(first.get("event").get("n").asInt()).isEqualTo(1);
    assertThat(first.get("version").asText()).isEqualTo("$LATEST");
    assertThat(first.get("loader").asBoolean()).as("loaded from the ZIP").isTrue();

    UpdateFunctionCodeResponse updated =
        client.updateFunctionCode(
            r ->
                r.functionName("lifecycle")
                    .zipFile(SdkBytes.fromByteArray(TestFunctions.bytes(TestFunctions.echoV2()))));
    assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
    client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("lifecycle"));
    assertThat(invokeJson(client, "lifecycle", "{}").get("build").asText()).isEqualTo("v2");

    client.updateFunctionConfiguration(
        r ->
            r.functionName("lifecycle")
                .memorySize(512)
                .environment(e -> e.variables(Map.of("GREETING", "hi"))));
    JsonNode configured = invokeJson(client, "lifecycle", "{}");
    assertThat(configured.get("memory").asInt()).isEqualTo(512);
    assertThat(configured.get("greeting").asText()).isEqualTo("hi");
    assertThat(client.getFunctionConfiguration(r -> r.functionName("lifecycle")).memorySize())
        .isEqualTo(512);

    client.deleteFunction(r -> r.functionName("lifecycle"));
    assertThatThrownBy(() -> client.getFunction(r -> r.functionName("lifecycle")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "Function not found: arn:aws:lambda:us-east-1:123456789012:function:lifecycle");
            });
  }

  @Test
  void invokeReportsFunctionErrorsAndTailsTheLastFourKilobytesOfTheLog() throws Exception {
    create(client, "tail", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    InvokeResponse failed =
        client.invoke(
            r -> r.functionName("tail").payload(SdkBytes.fromUtf8String("{\"fail\":\"boom\"}")));
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.functionError()).isEqualTo("Unhandled");
    assertThat(failed.executedVersion()).isEqualTo("$LATEST");
    JsonNode error = JSON.readTree(failed.payload().asUtf8String());
    assertThat(error.get("errorMessage").asText()).isEqualTo("boom");
    assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");

    InvokeResponse small =
        client.invoke(
            r ->
                r.functionName("tail")
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{}")));
    String log = new String(Base64.getDecoder().decode(small.logResult()), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("START RequestId: ")
        .contains("echo v1")
        .contains("REPORT RequestId: ");

    InvokeResponse large =
        client.invoke(
            r ->
                r.functionName("tail")
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"logBytes\":10000}")));
    byte[] tail = Base64.getDecoder().decode(large.logResult());
    assertThat(tail).hasSize(4096);
    assertThat(new String(tail, StandardCharsets.UTF_8))
        .startsWith("xxxx")
        .contains("END RequestId: ")
        .containsPattern("REPORT RequestId: .*\\n$");
  }

  @Test
  void eventInvocationsRunAsynchronouslyAndDryRunsOnlyCheck(@TempDir Path dir) throws Exception {
    create(client, "async", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    Path marker = dir.resolve("ran");
    String payload = JSON.writeValueAsString(Map.of("touch", marker.toString()));
    InvokeResponse event =
        client.invoke(
            r ->
                r.functionName("async")
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(payload)));
    assertThat(event.statusCode()).isEqualTo(202);
    assertThat(event.payload().asByteArray()).isEmpty();
    assertThat(service.awaitEventInvocations(Duration.ofSeconds(30))).isTrue();
    assertThat(marker).exists();

    Path notRun = dir.resolve("not-run");
    String dryPayload = JSON.writeValueAsString(Map.of("touch", notRun.toString()));
    InvokeResponse dryRun =
        client.invoke(
            r ->
                r.functionName("async")
                    .invocationType(InvocationType.DRY_RUN)
                    .payload(SdkBytes.fromUtf8String(dryPayload)));
    assertThat(dryRun.statusCode()).isEqualTo(204);
    assertThat(service.awaitEventInvocations(Duration.ofSeconds(30))).isTrue();
    assertThat(notRun).doesNotExist();
  }

  @Test
  void aFunctionInvokesAnotherThroughItsOwnDefaultSdkClient() throws Exception {
    create(client, "callee", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    create(client, "caller", TestFunctions.caller(), TestFunctions.CALLER_HANDLER);
    InvokeResponse response =
        client.invoke(
            r ->
                r.functionName("caller")
                    .payload(
                        SdkBytes.fromUtf8String(
                            "{\"target\":\"callee\",\"payload\":\"{\\\"from\\\":\\\"caller\\\"}\"}")));
    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    JsonNode inner = JSON.readTree(JSON.readTree(response.payload().asUtf8String()).asText());
    assertThat(inner.get("event").get("from").asText()).isEqualTo("caller");
    assertThat(inner.get("arn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:callee");
  }

  @Test
  void versionsAliasesAndQualifiers() throws Exception {
    create(client, "versioned", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    assertThat(client.publishVersion(r -> r.functionName("versioned")).version()).isEqualTo("1");
    assertThat(client.publishVersion(r -> r.functionName("versioned")).version())
        .as("nothing changed: the newest version again")
        .isEqualTo("1");
    client.updateFunctionCode(
        r ->
            r.functionName("versioned")
                .zipFile(SdkBytes.fromByteArray(TestFunctions.bytes(TestFunctions.echoV2()))));
    client.createAlias(r -> r.functionName("versioned").name("live").functionVersion("1"));

    InvokeResponse viaVersion =
        client.invoke(
            r -> r.functionName("versioned").qualifier("1").payload(SdkBytes.fromUtf8String("{}")));
    assertThat(viaVersion.executedVersion()).isEqualTo("1");
    assertThat(JSON.readTree(viaVersion.payload().asUtf8String()).get("build").asText())
        .isEqualTo("v1");
    JsonNode viaAlias = invokeJson(client, "versioned:live", "{}");
    assertThat(viaAlias.get("build").asText()).isEqualTo("v1");
    assertThat(viaAlias.get("arn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:versioned:live");
    assertThat(invokeJson(client, "versioned", "{}").get("build").asText()).isEqualTo("v2");

    client.updateAlias(r -> r.functionName("versioned").name("live").functionVersion("$LATEST"));
    assertThat(client.getAlias(r -> r.functionName("versioned").name("live")).functionVersion())
        .isEqualTo("$LATEST");
    assertThat(invokeJson(client, "versioned:live", "{}").get("build").asText()).isEqualTo("v2");

    assertThatThrownBy(() -> client.getAlias(r -> r.functionName("versioned").name("gone")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith(
            "Alias not found: arn:aws:lambda:us-east-1:123456789012:function:versioned:gone");
    assertThatThrownBy(
            () ->
                client.invoke(
                    r ->
                        r.functionName("versioned")
                            .qualifier("7")
                            .payload(SdkBytes.fromUtf8String("{}"))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith(
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:versioned:7");
    assertThat(client.listFunctions().functions())
        .extracting(f -> f.functionName())
        .contains("versioned");
  }

  static LambdaException thrown(Runnable call) {
    try {
      call.run();
    } catch (LambdaException e) {
      return e;
    }
    throw new AssertionError("no LambdaException");
  }

  static Path write(Path dir, String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }
}
