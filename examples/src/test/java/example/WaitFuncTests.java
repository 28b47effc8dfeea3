package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import org.junit.jupiter.api.Test;

/** Shows what a caller of {@link WaitFunc} sees when the function outlives its timeout. */
@LambdaTest(handler = WaitFunc.class, timeout = "1s")
class WaitFuncTests {

  @Test
  void answersWithinTheTimeout(LocalLambda lambda) {
    assertThat(lambda.invokeJson("{\"seconds\": 0}").payloadAsString()).isEqualTo("\"done\"");
  }

  @Test
  void timesOutAsLambdaDoes(LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson("{\"seconds\": 60}");

    assertThat(result.isTimeout()).isTrue();
    assertThat(result.payloadAsString())
        .isEqualTo(
            "{\"errorMessage\":\"RequestId: "
                + result.requestId()
                + " Error: Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}");
    assertThat(result.reportLine()).endsWith("\tStatus: timeout");
  }
}
