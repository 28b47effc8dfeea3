package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.Event;
import dev.lambdalocal.junit.LambdaTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Tests what ships: {@link ExampleFunc} loaded from the ZIP that {@code mvn package} wrote, as
 * Lambda loads it (the package's root, then {@code lib/*.jar}), not from the test class path.
 */
// tag::artifact[]
@LambdaTest(handler = ExampleFunc.class, artifact = "target/example-functions.zip")
class ExampleFuncZipTests {
  // end::artifact[]

  @Test
  void thePackagedFunctionGreetsTheCaller(
      @Event("events/test.json") String event,
      LocalLambda lambda,
      Identity caller,
      InvokeOptions asCaller) {
    InvocationResult result = lambda.invokeJson(event, asCaller);

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.payloadAsString()).contains("Hello, World").contains(caller.identityId());
  }

  @Test
  void thePackageHoldsTheRuntimeDependenciesOnly() throws IOException {
    List<String> entries = new ArrayList<>();
    try (ZipFile zip = new ZipFile(Path.of("target/example-functions.zip").toFile())) {
      Collections.list(zip.entries()).forEach(entry -> entries.add(entry.getName()));
    }

    assertThat(entries)
        .contains("example/ExampleFunc.class", "lib/aws-lambda-java-events-3.16.1.jar")
        .isSorted()
        .noneMatch(name -> name.startsWith("lib/aws-lambda-java-core"))
        .noneMatch(name -> name.contains("lambda-local") || name.contains("junit"));
  }
}
