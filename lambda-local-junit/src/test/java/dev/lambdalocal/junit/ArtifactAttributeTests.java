package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.Greeter;
import dev.lambdalocal.packaging.FunctionPackage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @LambdaTest(artifact = …)}: the handler comes from the package, never the class path. */
class ArtifactAttributeTests {

  private static final Path WITH_GREETER = Path.of("target/artifact-tests/with-greeter.zip");
  private static final Path EMPTY = Path.of("target/artifact-tests/empty.zip");

  @Test
  void theHandlerIsLoadedFromThePackage(@TempDir Path dir) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("with/dev/lambdalocal/junit/handlers"));
    Files.copy(classFile(Greeter.class), classes.resolve("Greeter.class"));
    pack(dir.resolve("with"), WITH_GREETER);
    pack(Files.createDirectories(dir.resolve("empty")), EMPTY);

    EngineExecutionResults results = Kit.run(Map.of(), FromPackage.class, NotInPackage.class);

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
  }

  @Test
  void aMissingPackageIsNamed() {
    assertThat(Kit.onlyFailure(Kit.run(Missing.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "Missing: Artifact not found: target/artifact-tests/none.zip (build the package first,"
                + " e.g. mvn package)");
  }

  @LambdaTest(handler = Greeter.class, artifact = "target/artifact-tests/with-greeter.zip")
  static class FromPackage {
    @Test
    void greets(LocalLambda lambda) {
      InvocationResult result = lambda.invoke(Map.of("name", "Ada"));
      assertThat(result.payloadAsString()).isEqualTo("\"Hello, Ada\"");
    }
  }

  /** Greeter is on this test's class path, but not in the package: Lambda's error. */
  @LambdaTest(handler = Greeter.class, artifact = "target/artifact-tests/empty.zip")
  static class NotInPackage {
    @Test
    void classNotFound(LocalLambda lambda) {
      InvocationResult result = lambda.invoke(Map.of("name", "Ada"));
      assertThat(result.error().orElseThrow().errorMessage())
          .isEqualTo("Class not found: dev.lambdalocal.junit.handlers.Greeter");
      assertThat(result.error().orElseThrow().errorType())
          .isEqualTo("java.lang.ClassNotFoundException");
    }
  }

  @LambdaTest(handler = Greeter.class, artifact = "target/artifact-tests/none.zip")
  static class Missing {
    @Test
    void test(LocalLambda lambda) {}
  }

  private static void pack(Path classes, Path zip) throws IOException {
    FunctionPackage.builder().classes(classes).dependencies(List.of()).output(zip).build();
  }

  private static Path classFile(Class<?> type) throws URISyntaxException {
    return Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
  }
}
