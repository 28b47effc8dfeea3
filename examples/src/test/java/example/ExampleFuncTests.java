package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.Event;
import dev.lambdalocal.junit.EventSource;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Tests {@link ExampleFunc} as Lambda runs it, with the event files under {@code events/}: the
 * test's Cognito identity replaces {@code %IDENTITY_ID%} in the events and is the caller the
 * function sees.
 */
@LambdaTest(handler = ExampleFunc.class)
class ExampleFuncTests {

  @Test
  void greetsTheCaller(
      @Event("events/test.json") String event,
      LocalLambda lambda,
      Identity caller,
      InvokeOptions asCaller) {
    InvocationResult result = lambda.invokeJson(event, asCaller);

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.payloadAsString())
        .isEqualTo(
            "{\"statusCode\":200,\"body\":\"{\\\"message\\\":\\\"Hello, World\\\","
                + "\\\"identityId\\\":\\\""
                + caller.identityId()
                + "\\\"}\"}");
    assertThat(result.logs()).contains("greeting World for " + caller.identityId());
    assertThat(Identity.isCognitoId(caller.identityId())).isTrue();
  }

  @Test
  void noCognitoIdentityIsACustomFailure(
      @Event("events/test.json") String event, LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson(event);

    assertError(result, "error: custom_failed");
    assertThat(result.logs()).contains("the caller has no Cognito identity");
  }

  @ParameterizedTest
  @EventSource(folder = "events/errors")
  void everyErrorEventFailsWithOneOfTheThreeGenericMessages(
      String event, LocalLambda lambda, InvokeOptions asCaller) {
    InvocationResult result = lambda.invokeJson(event, asCaller);

    assertThat(result.error().map(LambdaError::errorMessage))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .isIn(
                        "error: custom_failed", "error: property_failed", "error: generic_failed"));
    assertThat(result.functionError()).contains("Unhandled");
  }

  @Test
  void anotherCallersIdentityIsACustomFailure(
      @Event("events/errors/custom_error.json") String event,
      LocalLambda lambda,
      InvokeOptions asCaller) {
    InvocationResult result = lambda.invokeJson(event, asCaller);

    assertError(result, "error: custom_failed");
    assertThat(result.logs())
        .contains(
            "example.ExampleFunc$ExampleException:"
                + " identity_id does not match the caller's identity");
  }

  @Test
  void missingPropertyIsAPropertyFailure(
      @Event("events/errors/property_error.json") String event,
      LocalLambda lambda,
      InvokeOptions asCaller) {
    InvocationResult result = lambda.invokeJson(event, asCaller);

    assertError(result, "error: property_failed");
    assertThat(result.logs()).contains("accessing unknown property name");
  }

  @Test
  void anythingElseIsAGenericFailure(
      @Event("events/errors/generic_error.json") String event,
      LocalLambda lambda,
      InvokeOptions asCaller) {
    InvocationResult result = lambda.invokeJson(event, asCaller);

    assertError(result, "error: generic_failed");
    assertThat(result.logs()).contains("unknown error of type java.lang.ClassCastException");
  }

  @Test
  @LambdaTest(coldStart = ColdStart.PER_TEST)
  void firstInvocationIsAColdStartAndTheNextIsWarm(
      @Event("events/test.json") String event, LocalLambda lambda, InvokeOptions asCaller) {
    InvocationResult cold = lambda.invokeJson(event, asCaller);
    InvocationResult warm = lambda.invokeJson(event, asCaller);

    assertThat(cold.isColdStart()).isTrue();
    assertThat(cold.reportLine()).contains("\tInit Duration: ");
    assertThat(warm.isColdStart()).isFalse();
    assertThat(warm.reportLine()).doesNotContain("Init Duration");
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
