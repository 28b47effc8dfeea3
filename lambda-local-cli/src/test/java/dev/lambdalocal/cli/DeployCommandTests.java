package dev.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.lambda.LambdaServiceMock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** {@code lambda-local deploy} against the offline Lambda service, in this JVM. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class DeployCommandTests {

  private LambdaServiceMock service;
  private String savedKey;
  private String savedSecret;

  @BeforeEach
  void start() {
    service = LambdaServiceMock.builder().quiet(true).start();
    // The SDK's default chain reads these first: the service's credentials, never real ones.
    savedKey = System.setProperty("aws.accessKeyId", service.credentials().accessKeyId());
    savedSecret =
        System.setProperty("aws.secretAccessKey", service.credentials().secretAccessKey());
  }

  @AfterEach
  void stop() {
    restore("aws.accessKeyId", savedKey);
    restore("aws.secretAccessKey", savedSecret);
    service.close();
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private record Run(int status, String out, String err) {}

  private Run deploy(String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[options.length + 5];
    args[0] = "deploy";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--endpoint-url";
    args[options.length + 2] = service.endpoint().toString();
    args[options.length + 3] = "--region";
    args[options.length + 4] = service.region();
    int status =
        LambdaLocalCli.commandLine(
                new ByteArrayInputStream(new byte[0]),
                out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args)
            .execute(args);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void zip(Path file, String content) throws Exception {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      out.putNextEntry(new ZipEntry("content.txt"));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  @Test
  void deploysTwiceThenPlansAMemoryChangeWithoutMakingIt(@TempDir Path dir) throws Exception {
    zip(dir.resolve("hello.zip"), "one");
    Path config =
        Files.writeString(
            dir.resolve("hello.yaml"),
            """
            name: hello
            handler: example.Hello::handleRequest
            runtime: java21
            memory: 256
            role: arn:aws:iam::123456789012:role/hello-lambda
            zip: hello.zip
            """);

    Run created = deploy("--config", config.toString());
    assertThat(created.status()).as(created.err()).isZero();
    assertThat(created.out())
        .startsWith("Create function hello:\n  1. CreateFunction hello (java21")
        .endsWith("Deployed: arn:aws:lambda:us-east-1:123456789012:function:hello\n");
    assertThat(created.err()).contains("creating hello\n");

    zip(dir.resolve("hello.zip"), "two");
    Run updated = deploy("--config", config.toString());
    assertThat(updated.status()).as(updated.err()).isZero();
    assertThat(updated.out())
        .startsWith("Update function hello:\n  1. UpdateFunctionCode from ")
        .doesNotContain("UpdateFunctionConfiguration");

    Run planned = deploy("--config", config.toString(), "--memory-size", "1024", "--dry-run");
    assertThat(planned.status()).as(planned.err()).isZero();
    assertThat(planned.out())
        .isEqualTo(
            "Update function hello:\n"
                + "  1. UpdateFunctionConfiguration: memory 256 MB -> 1024 MB\n"
                + "  2. wait until LastUpdateStatus is Successful\n"
                + "Dry run: nothing changed.\n");
    try (LambdaClient client = service.createClient()) {
      assertThat(client.getFunctionConfiguration(r -> r.functionName("hello")).memorySize())
          .isEqualTo(256);
    }
  }

  @Test
  void aBadConfigurationIsAUsageErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "name: hello\nmemroy: 1\n");
    Run run = deploy("--config", config.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("lambda-local deploy: " + config + ": unknown key 'memroy'");
  }
}
