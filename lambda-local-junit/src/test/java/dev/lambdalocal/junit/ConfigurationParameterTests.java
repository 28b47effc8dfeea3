package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.handlers.Greeter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Defaults from junit-platform.properties, and annotations that override them. */
class ConfigurationParameterTests {

  @Test
  void defaultsComeFromConfigurationParameters() {
    EngineExecutionResults results =
        Kit.run(
            Defaults.class,
            Map.of(
                LambdaTest.TIMEOUT_KEY, "7s",
                LambdaTest.MEMORY_SIZE_KEY, "2048",
                LambdaTest.REGION_KEY, "ap-south-1",
                LambdaTest.ENV_FILE_KEY, "src/test/resources/env.json"));

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @LambdaTest(handler = Greeter.class)
  static class Defaults {
    @Test
    void test(Context context, Identity caller) {
      assertThat(context.getRemainingTimeInMillis()).isBetween(4000, 7000);
      assertThat(context.getMemoryLimitInMB()).isEqualTo(2048);
      assertThat(context.getInvokedFunctionArn()).startsWith("arn:aws:lambda:ap-south-1:");
      assertThat(caller.identityId()).startsWith("ap-south-1:");
    }
  }

  @Test
  void annotationsWinOverConfigurationParameters() {
    EngineExecutionResults results =
        Kit.run(
            Annotated.class,
            Map.of(LambdaTest.TIMEOUT_KEY, "7s", LambdaTest.MEMORY_SIZE_KEY, "2048"));

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @LambdaTest(handler = Greeter.class, timeout = "PT1M", memorySize = 1769)
  static class Annotated {
    @Test
    void test(Context context) {
      assertThat(context.getRemainingTimeInMillis()).isBetween(50_000, 60_000);
      assertThat(context.getMemoryLimitInMB()).isEqualTo(1769);
    }
  }
}
