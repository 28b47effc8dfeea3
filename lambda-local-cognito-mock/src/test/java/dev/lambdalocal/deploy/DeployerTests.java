package dev.lambdalocal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.lambda.LambdaServiceMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Deployments against the offline Lambda service, never real AWS. */
class DeployerTests {

  private static LambdaServiceMock service;
  private static LambdaClient client;

  @BeforeAll
  static void start() {
    service = LambdaServiceMock.builder().quiet(true).start();
    client = service.createClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    service.close();
  }

  static Path zip(Path dir, String name, String content) throws Exception {
    Path zip = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("content.txt"));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return zip;
  }

  static Path config(Path dir, String name, int memory, String zip) throws Exception {
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        """
        name: %s
        handler: example.Hello::handleRequest
        runtime: java21
        memory: %d
        timeout: 30
        role: arn:aws:iam::123456789012:role/hello-lambda
        zip: %s
        environment:
          STAGE: dev
        """
            .formatted(name, memory, zip));
  }

  @Test
  void createsThenUpdatesCodeAndConfiguration(@TempDir Path dir) throws Exception {
    zip(dir, "v1.zip", "one");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Deployer deployer =
        Deployer.create(client, new PrintStream(progress, true, StandardCharsets.UTF_8));

    DeploymentResult created =
        deployer.deploy(DeploymentConfig.read(config(dir, "hello", 256, "v1.zip")));
    assertThat(created.plan().action()).isEqualTo(DeploymentPlan.Action.CREATE);
    assertThat(created.functionArn())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:hello");
    GetFunctionConfigurationResponse first =
        client.getFunctionConfiguration(r -> r.functionName("hello"));
    assertThat(first.memorySize()).isEqualTo(256);
    assertThat(first.timeout()).isEqualTo(30);
    assertThat(first.environment().variables()).containsEntry("STAGE", "dev");
    assertThat(first.handler()).isEqualTo("example.Hello::handleRequest");

    zip(dir, "v2.zip", "two");
    DeploymentResult updated =
        deployer.deploy(DeploymentConfig.read(config(dir, "hello", 1024, "v2.zip")));
    assertThat(updated.plan().action()).isEqualTo(DeploymentPlan.Action.UPDATE);
    assertThat(updated.plan().steps())
        .hasSize(4)
        .satisfies(steps -> assertThat(steps.get(0)).startsWith("UpdateFunctionCode from "))
        .satisfies(
            steps ->
                assertThat(steps.get(1)).isEqualTo("wait until LastUpdateStatus is Successful"))
        .satisfies(
            steps ->
                assertThat(steps.get(2))
                    .isEqualTo("UpdateFunctionConfiguration: memory 256 MB -> 1024 MB"));
    GetFunctionConfigurationResponse second =
        client.getFunctionConfiguration(r -> r.functionName("hello"));
    assertThat(second.memorySize()).isEqualTo(1024);
    assertThat(second.codeSha256())
        .isNotEqualTo(first.codeSha256())
        .isEqualTo(updated.codeSha256());
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("creating hello\n")
        .contains("updating the code of hello\n")
        .contains("updating the configuration of hello\n");

    DeploymentResult again =
        deployer.deploy(DeploymentConfig.read(config(dir, "hello", 1024, "v2.zip")));
    assertThat(again.plan().action()).isEqualTo(DeploymentPlan.Action.NONE);
  }

  @Test
  void dryRunPlansAndChangesNothing(@TempDir Path dir) throws Exception {
    zip(dir, "v1.zip", "one");
    Deployer deployer = Deployer.create(client, null);
    DeploymentConfig config = DeploymentConfig.read(config(dir, "planned", 512, "v1.zip"));

    DeploymentPlan plan = deployer.plan(config);
    assertThat(plan.action()).isEqualTo(DeploymentPlan.Action.CREATE);
    assertThat(plan.describe())
        .startsWith("Create function planned:\n  1. CreateFunction planned (java21, handler")
        .contains("512 MB, 30 s")
        .contains("1 environment variable")
        .endsWith("  2. wait until State is Active\n");
    assertThatThrownBy(() -> client.getFunction(r -> r.functionName("planned")))
        .isInstanceOf(ResourceNotFoundException.class);

    deployer.deploy(config);
    DeploymentPlan setmem = deployer.plan(config.withMemorySize(2048));
    assertThat(setmem.describe())
        .isEqualTo(
            "Update function planned:\n"
                + "  1. UpdateFunctionConfiguration: memory 512 MB -> 2048 MB\n"
                + "  2. wait until LastUpdateStatus is Successful\n");
    assertThat(client.getFunctionConfiguration(r -> r.functionName("planned")).memorySize())
        .isEqualTo(512);
  }

  @Test
  void configurationErrorsNameTheFileAndKey(@TempDir Path dir) throws Exception {
    Path unknown = Files.writeString(dir.resolve("bad.yaml"), "name: x\nmemroy: 512\n");
    assertThatThrownBy(() -> DeploymentConfig.read(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(unknown + ": unknown key 'memroy'");
    Path runtime =
        Files.writeString(
            dir.resolve("runtime.yaml"),
            "name: x\nhandler: a.B\nruntime: python3.12\nrole: arn:aws:iam::123456789012:role/r\nzip: x.zip\n");
    assertThatThrownBy(() -> DeploymentConfig.read(runtime))
        .hasMessage(runtime + ": runtime must be one of java17, java21, java25, was python3.12");
    Path reserved =
        Files.writeString(
            dir.resolve("reserved.yaml"),
            "name: x\nhandler: a.B\nruntime: java21\nrole: arn:aws:iam::123456789012:role/r\nzip: x.zip\n"
                + "environment:\n  AWS_REGION: eu-west-1\n");
    assertThatThrownBy(() -> DeploymentConfig.read(reserved))
        .hasMessageEndingWith("Reserved keys used in this request: AWS_REGION");
  }
}
