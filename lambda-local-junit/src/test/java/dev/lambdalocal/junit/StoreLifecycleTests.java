package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import dev.lambdalocal.junit.handlers.Greeter;
import dev.lambdalocal.junit.internal.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The engine closes every function the extension created, whatever the JUnit version. */
@ResourceLock("StoreLifecycleTests.CREATED")
class StoreLifecycleTests {

  /** The functions the fixtures saw; only this class's tests, one at a time, use it. */
  static final List<LocalLambda> CREATED = new CopyOnWriteArrayList<>();

  @Test
  void functionsAreClosedWhenTheirClassOrTestEnds() {
    CREATED.clear();

    assertThat(Kit.failures(Kit.run(Lifecycle.class))).isEmpty();

    assertThat(CREATED).hasSize(3).doesNotHaveDuplicates();
    for (LocalLambda lambda : CREATED) {
      assertThatThrownBy(() -> lambda.invokeJson("{\"name\": \"Ada\"}"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("The function is closed");
    }
  }

  @Test
  void theDeprecatedCloseableResourceStillClosesThem() {
    CREATED.clear();
    // JUnit 5.13+ closes AutoCloseables unless told not to; then only CloseableResource is closed.
    Map<String, String> legacy =
        Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", "false");

    assertThat(Kit.failures(Kit.run(Lifecycle.class, legacy))).isEmpty();

    assertThat(CREATED).hasSize(3);
    for (LocalLambda lambda : CREATED) {
      assertThatThrownBy(() -> lambda.invokeJson("{}"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("The function is closed");
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void theStoredFunctionIsBothKindsOfResourceAndClosesOnce() throws Throwable {
    LocalLambda lambda = LocalLambda.builder().handler(Greeter.class).quiet(true).build();
    StoredResource<LocalLambda> stored = StoredResource.of(lambda);

    assertThat(stored).isInstanceOf(AutoCloseable.class);
    assertThat(stored).isInstanceOf(ExtensionContext.Store.CloseableResource.class);
    ((ExtensionContext.Store.CloseableResource) stored).close();
    stored.close();
    assertThatThrownBy(() -> lambda.invokeJson("{}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The function is closed");
  }

  @LambdaTest(handler = Greeter.class)
  static class Lifecycle {
    @Test
    void sharesTheClassFunction(LocalLambda lambda) {
      CREATED.add(lambda);
    }

    @Test
    @LambdaTest(coldStart = ColdStart.PER_TEST)
    void hasItsOwn(LocalLambda lambda) {
      CREATED.add(lambda);
    }

    @Test
    @LambdaTest(memorySize = 1024)
    void hasAnotherOwn(LocalLambda lambda) {
      CREATED.add(lambda);
    }
  }
}
