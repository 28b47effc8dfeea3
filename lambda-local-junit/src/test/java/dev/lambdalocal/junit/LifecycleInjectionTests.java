package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.Greeter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Constructors and lifecycle methods receive the same function and identity as the test. */
class LifecycleInjectionTests {

  @Test
  void lifecycleMethodsAndConstructorsShareTheTestsFunction() {
    EngineExecutionResults results = Kit.run(Lifecycle.class);

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @LambdaTest(handler = Greeter.class)
  static class Lifecycle {
    private static LocalLambda beforeAll;
    private final LocalLambda constructed;
    private LocalLambda beforeEach;
    private Identity beforeEachCaller;

    Lifecycle(LocalLambda lambda) {
      this.constructed = lambda;
    }

    @BeforeAll
    static void beforeAll(LocalLambda lambda) {
      beforeAll = lambda;
    }

    @BeforeEach
    void beforeEach(LocalLambda lambda, Identity caller) {
      beforeEach = lambda;
      beforeEachCaller = caller;
    }

    @Test
    void test(LocalLambda lambda, Identity caller) {
      assertThat(lambda).isSameAs(beforeAll).isSameAs(constructed).isSameAs(beforeEach);
      assertThat(caller).isEqualTo(beforeEachCaller);
    }
  }
}
