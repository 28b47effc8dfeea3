package dev.lambdalocal.cli;

import static dev.lambdalocal.cli.ServeHandlers.EXIT_ON_DEMAND;
import static dev.lambdalocal.cli.ServeHandlers.STATUS;
import static dev.lambdalocal.cli.ServeHandlers.WHO_AM_I;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.cognito.IdentityCache;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests {@code serve} and {@code connect} as a user runs them: the executable JAR in JVMs of their
 * own, the API served by one and called by the other over loopback.
 */
class ServeConnectJarTests {

  @TempDir Path dir;

  @Test
  void connectGetsTheIdentityThroughTheServedApiAndUnsignedRequestsAreRefused() throws Exception {
    Process serve =
        java(
                "serve",
                "--api",
                ServeCommandTests.api().toString(),
                "--function",
                "WhoAmI=" + WHO_AM_I,
                "--function",
                "Status=" + STATUS,
                "--port",
                "0")
            .redirectError(dir.resolve("serve.err").toFile())
            .start();
    try {
      Map<String, String> printed = printedLines(serve);
      assertThat(printed).containsOnlyKeys("API", "Cognito", "Region", "Identity pool");
      assertThat(printed.get("API")).matches("http://127\\.0\\.0\\.1:\\d+/dev/");

      Process connect =
          java(
                  "connect",
                  "--endpoint",
                  "/whoami",
                  "--api-url",
                  printed.get("API"),
                  "--cognito-url",
                  printed.get("Cognito"),
                  "--identity-pool-id",
                  printed.get("Identity pool"),
                  "--region",
                  printed.get("Region"),
                  "--env",
                  "e2e")
              .redirectError(dir.resolve("connect.err").toFile())
              .start();
      CompletableFuture<byte[]> stdout = readAll(connect);
      assertThat(connect.waitFor(60, TimeUnit.SECONDS)).as("connect exits").isTrue();
      String identityId = IdentityCache.in(dir).load("e2e").orElseThrow().identityId();
      assertThat(new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8))
          .as("connect's output; serve's standard error:%n%s", stderr())
          .isEqualTo(
              "200\n{\"identityId\":\""
                  + identityId
                  + "\",\"query\":\"\",\"greeting\":\"\",\"body\":null}\n");
      assertThat(connect.exitValue()).isZero();

      HttpResponse<String> unsigned =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(printed.get("API") + "whoami"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(unsigned.statusCode()).isEqualTo(403);
      assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    } finally {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError("serve did not stop within 30 s of SIGTERM");
      }
    }
  }

  @Test
  void aHandlerThatExitsEndsOnlyItsRequestAndTheNextGetsANewEnvironment() throws Exception {
    Process serve =
        java(
                "serve",
                "--api",
                ServeCommandTests.api().toString(),
                "--function",
                "WhoAmI=" + WHO_AM_I,
                "--function",
                "Status=" + EXIT_ON_DEMAND)
            .redirectError(dir.resolve("serve.err").toFile())
            .start();
    try {
      String api = printedLines(serve).get("API");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

      HttpResponse<String> first = get(http, api + "status");
      assertThat(first.body()).as(stderr()).isEqualTo("1/1");
      assertThat(get(http, api + "status").body()).isEqualTo("1/2");

      HttpResponse<String> exited = get(http, api + "status?q=exit");
      // API Gateway's answer to a function error of a proxy integration.
      assertThat(exited.statusCode()).isEqualTo(502);
      assertThat(exited.body()).isEqualTo("{\"message\": \"Internal server error\"}");

      HttpResponse<String> next = get(http, api + "status");
      assertThat(next.statusCode()).isEqualTo(200);
      // A new execution environment: the class was initialized again, the instance is new.
      assertThat(next.body()).isEqualTo("1/1");
      assertThat(serve.isAlive()).isTrue();
      assertThat(stderr())
          .containsPattern(
              "(?m)^REPORT RequestId: .*\tStatus: error\tError Type: Runtime.ExitError$")
          .contains("lambda-local: the function called System.exit(5) at ");
    } finally {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError("serve did not stop within 30 s of SIGTERM");
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Read the child's standard output until its four {@code Key: value} lines, or time out. */
  private Map<String, String> printedLines(Process serve) throws Exception {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Map<String, String>> lines =
        CompletableFuture.supplyAsync(
            () -> {
              Map<String, String> printed = new LinkedHashMap<>();
              try {
                String line;
                while (printed.size() < 4 && (line = reader.readLine()) != null) {
                  int colon = line.indexOf(": ");
                  printed.put(line.substring(0, colon), line.substring(colon + 2));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return printed;
            });
    try {
      Map<String, String> printed = lines.get(60, TimeUnit.SECONDS);
      if (printed.size() < 4) {
        throw new AssertionError("serve stopped early: " + stderr());
      }
      return printed;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("serve printed no API line within 60 s: " + stderr(), e);
    }
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("serve.err"));
  }

  private ProcessBuilder java(String... args) {
    List<String> command = new ArrayList<>(List.of(args));
    if (command.get(0).equals("serve")) {
      command.addAll(1, List.of("--classpath", ExecutableJar.handlers(), "--extension-port", "0"));
    }
    return ExecutableJar.java(dir, command.toArray(String[]::new));
  }

  private static CompletableFuture<byte[]> readAll(Process process) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return process.getInputStream().readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
