package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A function loaded from its own class path that calls {@code System.exit}, {@code Runtime.exit} or
 * {@code Runtime.halt} ends its invocation with Lambda's {@code Runtime.ExitError}, and the next
 * invocation gets a new execution environment; this JVM goes on (issue 15, item 1).
 */
class LocalLambdaExitTests {

  private static final String EXITS =
      """
      package exits;

      public class Exits {
        static int loads;
        static { loads++; }
        int calls;

        public String exit(int status) {
          calls++;
          if (status != 1000) {
            System.exit(status);
          }
          return loads + "/" + calls;
        }

        public String halt(int status) {
          Runtime.getRuntime().halt(status);
          return "after halt";
        }

        public String runtimeExit(int status) {
          Runtime.getRuntime().exit(status);
          return "after exit";
        }

        public String reference(int status) {
          java.util.function.IntConsumer exit = System::exit;
          exit.accept(status);
          return "after exit";
        }

        public String stream(int status) {
          java.util.stream.IntStream.of(status).forEach(System::exit);
          return "after exit";
        }

        public String swallow(int status) {
          try {
            System.exit(status);
          } catch (Throwable caught) {
            // The handler goes on; its runtime process would not have.
          }
          return "swallowed";
        }

        public String thread(int status) throws InterruptedException {
          Thread thread = new Thread(() -> System.exit(status));
          thread.start();
          thread.join();
          return "joined";
        }
      }
      """;

  private static final String EXITS_IN_INIT =
      """
      package exits;

      public class ExitsInInit {
        static int loads;
        static {
          loads++;
          if (Boolean.parseBoolean("true")) {
            System.exit(4);
          }
        }

        public String handle(int status) {
          return "never";
        }
      }
      """;

  @TempDir static Path dir;
  private static Path classes;

  @BeforeAll
  static void compile() throws IOException {
    classes = compile(dir, Map.of("exits.Exits", EXITS, "exits.ExitsInInit", EXITS_IN_INIT));
  }

  @Test
  void exitEndsTheInvocationWithRuntimeExitErrorAndTheNextStartsANewEnvironment() {
    try (LocalLambda lambda = function("exits.Exits::exit")) {
      assertThat(lambda.invokeJson("1000").payloadAsString()).isEqualTo("\"1/1\"");
      assertThat(lambda.invokeJson("1000").payloadAsString()).isEqualTo("\"1/2\"");

      InvocationResult exited = lambda.invokeJson("3");

      String id = exited.requestId();
      assertThat(exited.payloadAsString())
          .isEqualTo(
              "{\"errorMessage\":\"RequestId: "
                  + id
                  + " Error: Runtime exited with error: exit status 3\","
                  + "\"errorType\":\"Runtime.ExitError\"}");
      assertThat(exited.functionError()).contains("Unhandled");
      assertThat(exited.isTimeout()).isFalse();
      assertThat(exited.reportLine())
          .startsWith("REPORT RequestId: " + id + "\t")
          .endsWith(" MB\tStatus: error\tError Type: Runtime.ExitError");
      assertThat(exited.logs())
          .contains(
              "lambda-local: the function called System.exit(3) at exits.Exits.exit(Exits.java:");

      InvocationResult next = lambda.invokeJson("1000");
      assertThat(next.isColdStart()).isTrue();
      // A new class loader: the static initializer ran again, the instance is new.
      assertThat(next.payloadAsString()).isEqualTo("\"1/1\"");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "exit, 0, Runtime exited without providing a reason",
    "exit, -1, Runtime exited with error: exit status 255",
    "exit, 256, Runtime exited without providing a reason",
    "halt, 7, Runtime exited with error: exit status 7",
    "runtimeExit, 8, Runtime exited with error: exit status 8",
    "reference, 9, Runtime exited with error: exit status 9",
    "stream, 10, Runtime exited with error: exit status 10",
    "swallow, 11, Runtime exited with error: exit status 11",
    "thread, 12, Runtime exited with error: exit status 12",
  })
  void everyWayOfExitingEndsTheInvocation(String method, int status, String message) {
    try (LocalLambda lambda = function("exits.Exits::" + method)) {
      InvocationResult result = lambda.invokeJson(Integer.toString(status));

      LambdaError error = result.error().orElseThrow();
      assertThat(error.errorType()).isEqualTo("Runtime.ExitError");
      assertThat(error.errorMessage())
          .isEqualTo("RequestId: " + result.requestId() + " Error: " + message);
      assertThat(error.stackTrace()).isNull();
    }
  }

  @Test
  void exitInTheInitPhaseFailsTheInitAndTheNextInvocationInitializesAgain() {
    try (LocalLambda lambda = function("exits.ExitsInInit::handle")) {
      LambdaError init = lambda.initialize();
      assertThat(init.errorType()).isEqualTo("Runtime.ExitError");
      assertThat(init.errorMessage()).endsWith(" Error: Runtime exited with error: exit status 4");

      InvocationResult result = lambda.invokeJson("1");

      assertThat(result.isColdStart()).isTrue();
      assertThat(result.error().orElseThrow().errorMessage())
          .isEqualTo(
              "RequestId: "
                  + result.requestId()
                  + " Error: Runtime exited with error: exit status 4");
      // Run again in a new class loader, not reported as a class that failed to initialize.
      assertThat(result.logs())
          .contains("lambda-local: the function called System.exit(4) at exits.ExitsInInit.")
          .doesNotContain("NoClassDefFoundError");
    }
  }

  private static LocalLambda function(String handler) {
    return LocalLambda.builder().handler(handler).classpath(List.of(classes)).quiet(true).build();
  }

  /** Compile sources (class name to text) into {@code directory}/classes. */
  static Path compile(Path directory, Map<String, String> sources) throws IOException {
    Path output = directory.resolve("classes");
    Files.createDirectories(output);
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", output.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = directory.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, errors, arguments.toArray(String[]::new));
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    return output;
  }
}
