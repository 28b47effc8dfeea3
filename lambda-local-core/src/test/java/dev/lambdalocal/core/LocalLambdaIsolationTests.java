package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.fixtures.Overlap;
import dev.lambdalocal.core.fixtures.SlowInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLambdaIsolationTests {

  @Test
  void parallelInvocationsKeepTheirOwnEnvironmentAndLogs() throws Exception {
    Overlap.barrier = new CyclicBarrier(2);
    // Two callers of our own: the common pool may have a single thread on a 2-core machine.
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try (LocalLambda red = overlap("red");
        LocalLambda blue = overlap("blue")) {
      Future<InvocationResult> redResult = callers.submit(() -> red.invokeJson("\"go\""));
      Future<InvocationResult> blueResult = callers.submit(() -> blue.invokeJson("\"go\""));

      InvocationResult r = redResult.get();
      InvocationResult b = blueResult.get();
      assertThat(r.payloadAsString()).isEqualTo("\"red\"");
      assertThat(b.payloadAsString()).isEqualTo("\"blue\"");
      assertThat(r.logs()).contains("red 0\n", "red 199\n").doesNotContain("blue");
      assertThat(b.logs()).contains("blue 0\n", "blue 199\n").doesNotContain("red");
    } finally {
      callers.shutdownNow();
    }
  }

  private static LocalLambda overlap(String mark) {
    return LocalLambda.builder()
        .handler(Overlap.class.getName() + "::handle")
        .functionName(mark)
        .environmentVariable("MARK", mark)
        .quiet(true)
        .build();
  }

  @Test
  void initPhaseOverrunningItsBoundAndTheTimeoutTimesOut() {
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(SlowInit.class)
            .initTimeout(Duration.ofMillis(100))
            .timeout(Duration.ofSeconds(1))
            .quiet(true)
            .build()) {
      InvocationResult result = lambda.invokeJson("\"x\"");

      assertThat(result.isTimeout()).isTrue();
      assertThat(result.error().orElseThrow().errorType()).isEqualTo("Sandbox.Timedout");
      assertThat(result.isColdStart()).isTrue();
    }
  }

  @Test
  void coldStartOnAClassPathRunsStaticInitializersAgain(@TempDir Path dir) throws IOException {
    Path source = dir.resolve("src/counted/Counted.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package counted;\n"
            + "public class Counted {\n"
            + "  static int loads;\n"
            + "  static { loads++; }\n"
            + "  int calls;\n"
            + "  public String handle(String in) { calls++; return loads + \"/\" + calls; }\n"
            + "}\n");
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(status).isZero();

    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler("counted.Counted::handle")
            .classpath(List.of(classes))
            .quiet(true)
            .build()) {
      assertThat(lambda.invokeJson("\"a\"").payloadAsString()).isEqualTo("\"1/1\"");
      assertThat(lambda.invokeJson("\"a\"").payloadAsString()).isEqualTo("\"1/2\"");
      lambda.coldStart();
      // A new execution environment: new class loader, static state starts over.
      assertThat(lambda.invokeJson("\"a\"").payloadAsString()).isEqualTo("\"1/1\"");
    }
  }
}
