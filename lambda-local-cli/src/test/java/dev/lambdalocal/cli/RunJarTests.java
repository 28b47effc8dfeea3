package dev.lambdalocal.cli;

import static dev.lambdalocal.cli.RunCommandTests.FAILING;
import static dev.lambdalocal.cli.RunCommandTests.GREETER;
import static dev.lambdalocal.cli.RunCommandTests.IDENTITY;
import static dev.lambdalocal.cli.RunCommandTests.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests {@code lambda-local run} as a user runs it: the executable JAR in a JVM of its own,
 * checking the bytes on its standard output, its standard error and its exit status.
 */
class RunJarTests {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path dir;

  @Test
  void successPrintsOnlyThePayloadAndLogsToStandardError() throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(event, "{\"name\": \"Ada\", \"identity_id\": \"%IDENTITY_ID%\"}\n");

    Result result =
        java(
            "",
            "run",
            "--handler",
            GREETER,
            "--event",
            event.toString(),
            "--identity-id",
            IDENTITY,
            "--identity-pool-id",
            POOL);

    assertThat(result.status).isZero();
    assertThat(result.stdout)
        .isEqualTo(
            ("{\"greeting\":\"Hello, Ada\",\"eventIdentityId\":\""
                    + IDENTITY
                    + "\",\"identityId\":\""
                    + IDENTITY
                    + "\",\"identityPoolId\":\""
                    + POOL
                    + "\",\"functionName\":\"Greeter\",\"memory\":128,\"region\":\"us-east-1\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(result.stderr())
        .containsPattern("(?m)^START RequestId: " + UUID + " Version: \\$LATEST$")
        .contains("greeting Ada\n", "logged through LambdaLogger\n")
        .containsPattern("(?m)^END RequestId: " + UUID + "$")
        .containsPattern(
            "(?m)^REPORT RequestId: "
                + UUID
                + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d\\d ms");
  }

  @Test
  void versionComesFromTheJarsManifest() throws Exception {
    Result result = java("", "--version");

    assertThat(result.status).isZero();
    assertThat(new String(result.stdout, StandardCharsets.UTF_8))
        .isEqualTo("lambda-local " + System.getProperty("lambdalocal.version") + "\n");
  }

  @Test
  void eventFromStandardInputWithQuietLeavesStandardErrorEmpty() throws Exception {
    Result result =
        java("{\"name\": \"pipe\"}", "run", "--handler", GREETER, "--event", "-", "--quiet");

    assertThat(result.status).isZero();
    // No %IDENTITY_ID% and no identity option: the caller has no identity (getIdentity() null).
    assertThat(new String(result.stdout, StandardCharsets.UTF_8))
        .startsWith("{\"greeting\":\"Hello, pipe\",\"functionName\":\"Greeter\"");
    assertThat(result.stderr()).isEmpty();
  }

  @Test
  void functionErrorPrintsTheErrorDocumentAndExitsOne() throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(event, "{}");

    Result result = java("", "run", "--handler", FAILING, "--event", event.toString());

    assertThat(result.status).isEqualTo(1);
    assertThat(new String(result.stdout, StandardCharsets.UTF_8))
        .startsWith(
            "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\","
                + "\"stackTrace\":[")
        .endsWith("]}");
    assertThat(result.stderr()).contains("about to fail\n").contains("\nREPORT RequestId: ");
  }

  @Test
  void usageErrorIsOneLineWithoutStackTraceAndExitsTwo() throws Exception {
    Result result = java("", "run", "--handler", GREETER, "--event", "no/such/event.json");

    assertThat(result.status).isEqualTo(2);
    assertThat(result.stdout).isEmpty();
    assertThat(result.stderr()).isEqualTo("lambda-local run: no/such/event.json: no such file\n");
  }

  private Result java(String stdin, String... args)
      throws IOException, InterruptedException, ExecutionException {
    List<String> command = new ArrayList<>(List.of(args));
    if (command.get(0).equals("run")) {
      command.addAll(1, List.of("--classpath", ExecutableJar.handlers()));
    }
    Process process = ExecutableJar.java(dir, command.toArray(String[]::new)).start();
    CompletableFuture<byte[]> stdout =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> stderr =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("lambda-local did not exit within 60 s");
    }
    return new Result(process.exitValue(), stdout.get(), stderr.get());
  }

  private static byte[] readAll(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(int status, byte[] stdout, byte[] errorBytes) {
    String stderr() {
      return new String(errorBytes, StandardCharsets.UTF_8);
    }
  }
}
