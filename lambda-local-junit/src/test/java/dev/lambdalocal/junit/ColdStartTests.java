package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import dev.lambdalocal.junit.handlers.Greeter;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** One warm function per class by default, a cold start per test on request. */
class ColdStartTests {

  private static final String ADA = "{\"name\": \"Ada\"}";

  private static void assertAllSucceeded(EngineExecutionResults results, int tests) {
    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
  }

  @Test
  void theTestsOfAClassShareOneWarmFunction() {
    assertAllSucceeded(Kit.run(PerClass.class), 2);
  }

  @LambdaTest(handler = Greeter.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClass {
    @Test
    @Order(1)
    void first(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
      assertThat(lambda.invokeJson(ADA).isColdStart()).isFalse();
    }

    @Test
    @Order(2)
    void second(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isFalse();
    }
  }

  // tag::coldStart[]
  @LambdaTest(handler = Greeter.class, coldStart = ColdStart.PER_TEST)
  static class PerTest {
    @Test
    void first(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
    }

    @Test
    void second(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
    }
  }

  // end::coldStart[]

  @Test
  void everyTestStartsColdOnRequest() {
    assertAllSucceeded(Kit.run(PerTest.class), 2);
  }

  @Test
  void theDefaultPolicyComesFromTheConfiguration() {
    EngineExecutionResults results =
        Kit.run(ColdByConfiguration.class, Map.of(LambdaTest.COLD_START_KEY, "per_test"));

    assertAllSucceeded(results, 2);
  }

  @LambdaTest(handler = Greeter.class)
  static class ColdByConfiguration {
    @Test
    void first(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
    }

    @Test
    void second(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
    }
  }

  @Test
  void aMethodMayAskForAColdStartOfItsOwn() {
    assertAllSucceeded(Kit.run(MethodOverride.class), 3);
  }

  @LambdaTest(handler = Greeter.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class MethodOverride {
    @Test
    @Order(1)
    void warmsTheClassFunction(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
    }

    @Test
    @Order(2)
    @LambdaTest(coldStart = ColdStart.PER_TEST)
    void startsItsOwn(LocalLambda lambda, LocalLambda same, Context context) {
      assertThat(same).isSameAs(lambda);
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
    }

    @Test
    @Order(3)
    void findsTheClassFunctionWarm(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isFalse();
    }
  }

  @Test
  void nestedClassesShareTheEnclosingFunctionUnlessTheyChangeIt() {
    assertAllSucceeded(Kit.run(Enclosing.class), 3);
  }

  @LambdaTest(handler = Greeter.class, memorySize = 256)
  static class Enclosing {
    @Test
    void warmsTheFunction(LocalLambda lambda) {
      assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
    }

    @Nested
    class Inner {
      @Test
      void findsItWarm(LocalLambda lambda) {
        assertThat(lambda.invokeJson(ADA).isColdStart()).isFalse();
        assertThat(lambda.invokeJson(ADA).reportLine()).contains("Memory Size: 256 MB");
      }
    }

    @Nested
    @LambdaTest(memorySize = 512)
    class Changed {
      @Test
      void hasItsOwn(LocalLambda lambda) {
        assertThat(lambda.invokeJson(ADA).isColdStart()).isTrue();
        assertThat(lambda.invokeJson(ADA).reportLine()).contains("Memory Size: 512 MB");
      }
    }
  }
}
