package dev.lambdalocal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The snippets of docs/lambda-service.md, compiled and run. */
class LambdaServiceDocsExamplesTests {

  @Test
  void start() throws Exception {
    Path zip = TestFunctions.echoV1();
    String handler = TestFunctions.ECHO_HANDLER;
    // docs/lambda-service.md "Start"
    byte[] code = Files.readAllBytes(zip);
    try (LambdaServiceMock lambda = LambdaServiceMock.builder().quiet(true).start();
        LambdaClient client = lambda.createClient()) {
      client.createFunction(
          r ->
              r.functionName("hello")
                  .runtime("java21")
                  .handler(handler)
                  .role("arn:aws:iam::123456789012:role/hello")
                  .code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
      InvokeResponse response =
          client.invoke(r -> r.functionName("hello").payload(SdkBytes.fromUtf8String("{}")));
      // end of snippet
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.payload().asUtf8String()).contains("\"build\":\"v1\"");
      assertThat(lambda.clientEnvironment())
          .containsEntry("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString())
          .containsEntry("AWS_ACCESS_KEY_ID", lambda.credentials().accessKeyId());
    }
  }
}
