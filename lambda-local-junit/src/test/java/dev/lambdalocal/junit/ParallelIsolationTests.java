package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.ColorReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Tests running in parallel need no {@code @ResourceLock} for the environment or the standard
 * streams: each invocation sees its own variables and captures its own output, while other
 * invocations run at the same moment.
 */
class ParallelIsolationTests {

  @Test
  void concurrentInvocationsSeeOnlyTheirOwnEnvironmentAndOutput() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter(LambdaTest.QUIET_KEY, "true")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
            .selectors(selectClass(Colors.class))
            .execute();

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(3);
  }

  @LambdaTest(handler = ColorReporter.class, timeout = "30s")
  @Execution(ExecutionMode.CONCURRENT)
  static class Colors {
    @Test
    @LambdaTest(env = "LAMBDALOCAL_COLOR=red")
    void red(LocalLambda lambda) {
      assertOwnColor(lambda, "red");
    }

    @Test
    @LambdaTest(env = "LAMBDALOCAL_COLOR=green")
    void green(LocalLambda lambda) {
      assertOwnColor(lambda, "green");
    }

    @Test
    @LambdaTest(env = "LAMBDALOCAL_COLOR=blue")
    void blue(LocalLambda lambda) {
      assertOwnColor(lambda, "blue");
    }

    private static void assertOwnColor(LocalLambda lambda, String color) {
      System.out.println("the test thread of " + color);

      InvocationResult result = lambda.invokeJson("\"go\"");

      assertThat(result.isSuccess()).as(result.logs()).isTrue();
      assertThat(result.returnValue(String.class)).isEqualTo(color);
      assertThat(result.logs())
          .contains("before " + color, "after " + color)
          .doesNotContain("the test thread")
          .containsOnlyOnce("before ")
          .containsOnlyOnce("after ");
      // The test's own thread keeps the JVM's environment.
      assertThat(System.getenv("LAMBDALOCAL_COLOR")).isNull();
    }
  }
}
