package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.Sleeper;
import org.junit.jupiter.api.Test;

/** The timeout of {@code @LambdaTest} is the function's real deadline. */
class TimeoutTests {

  // tag::timeout[]
  @Test
  @LambdaTest(handler = Sleeper.class, timeout = "1s")
  void aHandlerThatOverrunsItsTimeoutTimesOut(LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson("\"wait\"");

    assertThat(result.isTimeout()).isTrue();
    assertThat(result.error().orElseThrow().errorType()).isEqualTo("Sandbox.Timedout");
    assertThat(result.error().orElseThrow().errorMessage())
        .isEqualTo(
            "RequestId: " + result.requestId() + " Error: Task timed out after 1.00 seconds");
  }
  // end::timeout[]
}
