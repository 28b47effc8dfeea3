package dev.lambdalocal.junit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.WithLambdaService;
import dev.lambdalocal.lambda.LambdaServiceMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A handler under test reaches the class's offline Lambda service through its own SDK client. */
@WithLambdaService
@LambdaTest(handler = WithLambdaServiceTests.PriceCaller.class)
class WithLambdaServiceTests {

  /** The handler under test: asks the {@code pricing} function through {@code LambdaClient}. */
  public static class PriceCaller implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> event, Context context) {
      try (LambdaClient lambda = LambdaClient.create()) {
        return lambda
            .invoke(
                r ->
                    r.functionName("pricing")
                        .payload(SdkBytes.fromUtf8String("\"" + event.get("item") + "\"")))
            .payload()
            .asUtf8String();
      }
    }
  }

  /** The collaborator deployed to the service. */
  public static class Pricing implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String item, Context context) {
      return item + " costs 42 (" + context.getInvokedFunctionArn() + ")";
    }
  }

  @BeforeAll
  static void deployPricing(LambdaClient lambda) {
    lambda.createFunction(
        r ->
            r.functionName("pricing")
                .runtime("java21")
                .handler(Pricing.class.getName() + "::handleRequest")
                .role("arn:aws:iam::123456789012:role/pricing")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zipOf(Pricing.class)))));
  }

  @Test
  void theHandlerUnderTestInvokesTheDeployedFunction(
      LocalLambda caller, LambdaServiceMock service) {
    InvocationResult result = caller.invokeJson("{\"item\":\"tea\"}");
    assertThat(result.error()).isEmpty();
    assertThat(result.payloadAsString())
        .as("the caller returns the pricing function's JSON payload as a string")
        .isEqualTo(
            "\"\\\"tea costs 42 (arn:aws:lambda:us-east-1:123456789012:function:pricing)\\\"\"");
    assertThat(service.endpoint().toString()).startsWith("http://127.0.0.1:");
  }

  /** A nested class with its own annotation gets its own service, in its function's region. */
  @Nested
  @WithLambdaService
  @LambdaTest(region = "eu-west-1")
  class InAnotherRegion {

    @Test
    void theServiceTakesTheFunctionsRegion(
        LocalLambda caller, LambdaServiceMock service, LambdaClient lambda) {
      assertThat(service.region()).isEqualTo("eu-west-1");
      deployPricing(lambda);
      assertThat(caller.invokeJson("{\"item\":\"tea\"}").payloadAsString())
          .contains("arn:aws:lambda:eu-west-1:123456789012:function:pricing");
    }
  }

  private static byte[] zipOf(Class<?> type) {
    String entry = type.getName().replace('.', '/') + ".class";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
      zip.putNextEntry(new ZipEntry(entry));
      in.transferTo(zip);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
