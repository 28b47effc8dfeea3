package dev.lambdalocal.core.internal.exit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.fixtures.ExitingHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler on the application class path (not loaded by lambda-local) that calls {@code
 * System.exit}: with the agent the invocation ends with {@code Runtime.ExitError} and the JVM goes
 * on; without it the JVM ends, as docs/reliability.md says. Each case runs in a JVM of its own.
 */
class ExitAgentTests {

  @Test
  void withTheAgentTheInvocationEndsAndTheJvmGoesOn(@TempDir Path dir) throws Exception {
    Path agent = dir.resolve("agent.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    // The same attribute as lambda-local-core's JAR; its classes come from the class path.
    manifest.getMainAttributes().putValue("Premain-Class", ExitAgent.class.getName());
    try (OutputStream out = Files.newOutputStream(agent);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }

    Run run = java(dir, "-javaagent:" + agent);

    assertThat(run.output())
        .contains("\"errorType\":\"Runtime.ExitError\"")
        .contains("Runtime exited with error: exit status 3")
        .contains("the JVM goes on");
    assertThat(run.status()).isZero();
  }

  @Test
  void withoutTheAgentTheHandlerEndsTheJvm(@TempDir Path dir) throws Exception {
    Run run = java(dir);

    assertThat(run.output()).doesNotContain("the JVM goes on");
    assertThat(run.status()).isEqualTo(3);
  }

  private record Run(int status, String output) {}

  private static Run java(Path dir, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("--add-opens=java.base/java.util=ALL-UNNAMED");
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(ExitingHandler.class.getName());
    Path output = dir.resolve("output.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    int status = process.waitFor();
    return new Run(status, Files.readString(output, StandardCharsets.UTF_8));
  }
}
