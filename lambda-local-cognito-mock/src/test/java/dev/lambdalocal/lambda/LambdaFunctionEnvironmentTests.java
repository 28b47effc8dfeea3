package dev.lambdalocal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** What the functions of a Lambda service on its own port find in their environment. */
class LambdaFunctionEnvironmentTests {

  private static LambdaServiceMock.Builder service() {
    return LambdaServiceMock.builder().console(new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void aDefaultBuiltClientOfAnotherServiceGetsALocalErrorFromTheServiceNeverAws() throws Exception {
    try (LambdaServiceMock lambda = service().start();
        LambdaClient client = lambda.createClient()) {
      client.createFunction(
          r ->
              r.functionName("secret-reader")
                  .runtime("java21")
                  .handler(TestFunctions.SECRET_READER_HANDLER)
                  .role(LambdaServiceSdkTests.ROLE)
                  // The first SDK client of a function's own class loader loads many classes.
                  .timeout(60)
                  .code(
                      c ->
                          c.zipFile(
                              SdkBytes.fromByteArray(
                                  TestFunctions.bytes(TestFunctions.secretReader())))));

      JsonNode read =
          LambdaServiceSdkTests.invokeJson(client, "secret-reader", "{\"secretId\":\"db\"}");

      assertThat(read.get("endpoint").asText()).isEqualTo(lambda.endpoint().toString());
      assertThat(read.get("lambdaEndpoint").asText()).isEqualTo(lambda.endpoint().toString());
      assertThat(read.get("accessKeyId").asText()).isEqualTo("ASIALAMBDALOCALDUMMY");
      assertThat(read.has("secret")).as(read.toString()).isFalse();
      assertThat(read.get("error").asText())
          .startsWith(
              "lambda-local's offline account does not serve X-Amz-Target"
                  + " secretsmanager.GetSecretValue (it serves lambda); nothing was sent to AWS.");
    }
  }

  @Test
  void platformEnvironmentReplacesTheServicesOwnAndTheFunctionsOwnVariablesWin() throws Exception {
    try (LambdaServiceMock lambda =
            service()
                .platformEnvironment(name -> Map.of("GREETING", "from the platform to " + name))
                .start();
        LambdaClient client = lambda.createClient()) {
      LambdaServiceSdkTests.create(
          client, "platform", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
      client.createFunction(
          r ->
              r.functionName("own")
                  .runtime("java21")
                  .handler(TestFunctions.ECHO_HANDLER)
                  .role(LambdaServiceSdkTests.ROLE)
                  .environment(e -> e.variables(Map.of("GREETING", "its own")))
                  .code(
                      c ->
                          c.zipFile(
                              SdkBytes.fromByteArray(
                                  TestFunctions.bytes(TestFunctions.echoV1())))));

      assertThat(
              LambdaServiceSdkTests.invokeJson(client, "platform", "{}").get("greeting").asText())
          .isEqualTo("from the platform to platform");
      assertThat(LambdaServiceSdkTests.invokeJson(client, "own", "{}").get("greeting").asText())
          .isEqualTo("its own");
    }
  }
}
