package dev.lambdalocal.lambda;

import static dev.lambdalocal.lambda.LambdaServiceSdkTests.ROLE;
import static dev.lambdalocal.lambda.LambdaServiceSdkTests.create;
import static dev.lambdalocal.lambda.LambdaServiceSdkTests.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** AWS's error types, statuses and texts, through the real SDK v2 client. */
class LambdaServiceErrorTests {

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

  private static void assertError(LambdaException e, int status, String type, String message) {
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void createErrors() {
    create(client, "dup", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    assertError(
        thrown(() -> create(client, "dup", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER)),
        409,
        "ResourceConflictException",
        "Function already exist: dup");
    assertError(
        thrown(
            () ->
                client.createFunction(
                    r ->
                        r.functionName("notzip")
                            .runtime("java21")
                            .handler("a.B")
                            .role(ROLE)
                            .code(c -> c.zipFile(SdkBytes.fromUtf8String("not a zip"))))),
        400,
        "InvalidParameterValueException",
        "Could not unzip uploaded file. Please check your file, then try to upload again.");
    assertError(
        thrown(
            () ->
                client.createFunction(
                    r ->
                        r.functionName("noruntime")
                            .handler("a.B")
                            .role(ROLE)
                            .code(
                                c ->
                                    c.zipFile(
                                        SdkBytes.fromByteArray(
                                            TestFunctions.bytes(TestFunctions.echoV1())))))),
        400,
        "InvalidParameterValueException",
        "Runtime and Handler are mandatory parameters for functions created with deployment"
            + " packages.");
    assertError(
        thrown(
            () ->
                client.updateFunctionConfiguration(
                    r ->
                        r.functionName("dup")
                            .environment(e -> e.variables(Map.of("AWS_REGION", "eu-west-1"))))),
        400,
        "InvalidParameterValueException",
        "Lambda was unable to configure your environment variables because the environment"
            + " variables you have provided contains reserved keys that are currently not"
            + " supported for modification. Reserved keys used in this request: AWS_REGION");
    assertError(
        thrown(
            () -> client.updateFunctionConfiguration(r -> r.functionName("dup").memorySize(100))),
        400,
        "ValidationException",
        "1 validation error detected: Value '100' at 'memorySize' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 128");
  }

  @Test
  void payloadsOverSixMegabytesAreRefused() {
    create(client, "big", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    byte[] payload = new byte[6_291_457];
    Arrays.fill(payload, (byte) ' ');
    payload[0] = '{';
    payload[payload.length - 1] = '}';
    assertError(
        thrown(
            () ->
                client.invoke(r -> r.functionName("big").payload(SdkBytes.fromByteArray(payload)))),
        413,
        "RequestEntityTooLargeException",
        "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
  }

  @Test
  void pendingFunctionsAndUpdatesInProgressAreConflicts() {
    service.store().holdTransitions();
    try {
      create(client, "held", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
      assertError(
          thrown(
              () ->
                  client.invoke(
                      r -> r.functionName("held").payload(SdkBytes.fromUtf8String("{}")))),
          409,
          "ResourceConflictException",
          "The operation cannot be performed at this time. The function is currently in the"
              + " following state: Pending");
    } finally {
      service.store().releaseTransitions();
    }
    service.store().holdTransitions();
    try {
      client.updateFunctionCode(
          r ->
              r.functionName("held")
                  .zipFile(SdkBytes.fromByteArray(TestFunctions.bytes(TestFunctions.echoV2()))));
      assertError(
          thrown(
              () ->
                  client.updateFunctionConfiguration(r -> r.functionName("held").memorySize(256))),
          409,
          "ResourceConflictException",
          "The operation cannot be performed at this time. An update is in progress for resource:"
              + " arn:aws:lambda:us-east-1:123456789012:function:held");
    } finally {
      service.store().releaseTransitions();
    }
    assertThat(
            client
                .updateFunctionConfiguration(r -> r.functionName("held").memorySize(256))
                .memorySize())
        .isEqualTo(256);
  }

  @Test
  void requestsSignedWithOtherCredentialsAreRefused() {
    try (LambdaClient stranger = clientWith("AKIAIOSFODNN7EXAMPLE", "secret");
        LambdaClient wrongSecret =
            clientWith(service.credentials().accessKeyId(), "not-the-secret")) {
      assertError(
          thrown(() -> stranger.listFunctions()),
          403,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.");
      LambdaException mismatch = thrown(() -> wrongSecret.listFunctions());
      assertThat(mismatch.statusCode()).isEqualTo(403);
      assertThat(mismatch.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(mismatch.awsErrorDetails().errorMessage())
          .startsWith(
              "The request signature we calculated does not match the signature you provided.");
    }
  }

  private static LambdaClient clientWith(String accessKeyId, String secret) {
    return LambdaClient.builder()
        .endpointOverride(service.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
