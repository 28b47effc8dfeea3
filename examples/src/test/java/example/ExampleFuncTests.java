package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.Events;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.LocalLambda;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests {@link ExampleFunc} as Lambda runs it, with the event files under {@code events/}. */
class ExampleFuncTests {

  private static final Identity CALLER = Identity.generate("us-east-1");
  private static final InvokeOptions AS_CALLER = InvokeOptions.builder().identity(CALLER).build();

  private static LocalLambda lambda;

  @BeforeAll
  static void startFunction() {
    lambda = LocalLambda.builder().handler(ExampleFunc.class).quiet(true).build();
  }

  @AfterAll
  static void stopFunction() {
    lambda.close();
  }

  @Test
  void greetsTheCaller() {
    InvocationResult result = invoke("test.json", AS_CALLER);

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.payloadAsString())
        .isEqualTo(
            "{\"statusCode\":200,\"body\":\"{\\\"message\\\":\\\"Hello, World\\\","
                + "\\\"identityId\\\":\\\""
                + CALLER.identityId()
                + "\\\"}\"}");
    assertThat(result.logs()).contains("greeting World for " + CALLER.identityId());
  }

  @Test
  void identityPlaceholderBecomesTheCallersId() {
    String event = Events.readJson(Path.of("events/test.json"), Events.placeholders(CALLER));

    assertThat(event).contains("\"identity_id\": \"" + CALLER.identityId() + "\"");
    assertThat(Identity.isCognitoId(CALLER.identityId())).isTrue();
  }

  @Test
  void anotherCallersIdentityIsACustomFailure() {
    InvocationResult result = invoke("custom_error.json", AS_CALLER);

    assertError(result, "error: custom_failed");
    assertThat(result.logs())
        .contains(
            "example.ExampleFunc$ExampleException:"
                + " identity_id does not match the caller's identity");
  }

  @Test
  void noCognitoIdentityIsACustomFailure() {
    InvocationResult result = invoke("test.json", InvokeOptions.defaults());

    assertError(result, "error: custom_failed");
    assertThat(result.logs()).contains("the caller has no Cognito identity");
  }

  @Test
  void missingPropertyIsAPropertyFailure() {
    InvocationResult result = invoke("property_error.json", AS_CALLER);

    assertError(result, "error: property_failed");
    assertThat(result.logs()).contains("accessing unknown property name");
  }

  @Test
  void anythingElseIsAGenericFailure() {
    InvocationResult result = invoke("generic_error.json", AS_CALLER);

    assertError(result, "error: generic_failed");
    assertThat(result.logs()).contains("unknown error of type java.lang.ClassCastException");
  }

  private static InvocationResult invoke(String eventFile, InvokeOptions options) {
    String event = Events.readJson(Path.of("events", eventFile), Events.placeholders(CALLER));
    return lambda.invokeJson(event, options);
  }

  private static void assertError(InvocationResult result, String message) {
    assertThat(result.isError()).isTrue();
    assertThat(result.isTimeout()).isFalse();
    LambdaError error = result.error().orElseThrow();
    assertThat(error.errorMessage()).isEqualTo(message);
    assertThat(error.errorType()).isEqualTo("java.lang.RuntimeException");
    assertThat(error.stackTrace())
        .first()
        .asString()
        .startsWith("example.ExampleFunc.handleRequest(");
    assertThat(result.payloadAsString())
        .startsWith(
            "{\"errorMessage\":\"" + message + "\",\"errorType\":\"java.lang.RuntimeException\",");
  }
}
