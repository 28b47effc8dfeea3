package dev.lambdalocal.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.lambda.LambdaServiceMock;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The deploy goal against the offline Lambda service (never real AWS). */
class DeployMojoTests {

  private static LambdaServiceMock service;
  private static LambdaClient client;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    service = LambdaServiceMock.builder().quiet(true).start();
    client = service.createClient();
    // The SDK's default chain reads these first: the service's credentials, never real ones.
    System.setProperty("aws.accessKeyId", service.credentials().accessKeyId());
    System.setProperty("aws.secretAccessKey", service.credentials().secretAccessKey());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    client.close();
    service.close();
  }

  @Test
  void theDescriptorNamesTheDeployGoal() throws Exception {
    String descriptor =
        new String(
            getClass().getResourceAsStream("/META-INF/maven/plugin.xml").readAllBytes(),
            StandardCharsets.UTF_8);

    assertThat(descriptor).contains("<goal>deploy</goal>").contains("<name>dryRun</name>");
  }

  @Test
  void createsThenUpdatesTheMemoryAsSetmemDid() throws Exception {
    zip("one");
    List<String> log = new ArrayList<>();

    mojo("orders", log, null, false).execute();
    assertThat(client.getFunctionConfiguration(r -> r.functionName("orders")).memorySize())
        .isEqualTo(256);
    assertThat(log)
        .contains("Deployed: arn:aws:lambda:us-east-1:123456789012:function:orders")
        .anySatisfy(line -> assertThat(line).startsWith("creating orders"));

    log.clear();
    zip("two");
    mojo("orders", log, 1024, false).execute();
    assertThat(client.getFunctionConfiguration(r -> r.functionName("orders")).memorySize())
        .isEqualTo(1024);
    assertThat(log)
        .contains("  3. UpdateFunctionConfiguration: memory 256 MB -> 1024 MB")
        .anySatisfy(line -> assertThat(line).startsWith("updating the code of orders"));
  }

  @Test
  void aDryRunPlansAndChangesNothing() throws Exception {
    zip("one");
    List<String> log = new ArrayList<>();

    mojo("planned", log, null, true).execute();

    assertThat(log).contains("Dry run: nothing changed.");
    assertThatThrownBy(() -> client.getFunction(r -> r.functionName("planned")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aMissingConfigurationNamesTheFile() throws Exception {
    DeployMojo mojo = mojo("absent", new ArrayList<>(), null, false);
    set(mojo, "config", dir.resolve("nowhere.yaml").toFile());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("nowhere.yaml");
  }

  private void zip(String content) throws Exception {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(dir.resolve("fn.zip")))) {
      out.putNextEntry(new ZipEntry("content.txt"));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  private DeployMojo mojo(String name, List<String> log, Integer memory, boolean dryRun)
      throws Exception {
    Path config =
        Files.writeString(
            dir.resolve(name + ".yaml"),
            """
            name: %s
            handler: example.Orders::handleRequest
            runtime: java21
            memory: 256
            timeout: 30
            role: arn:aws:iam::123456789012:role/orders
            zip: fn.zip
            """
                .formatted(name));
    DeployMojo mojo = new DeployMojo();
    set(mojo, "config", config.toFile());
    set(mojo, "memorySize", memory);
    set(mojo, "dryRun", dryRun);
    set(mojo, "endpointUrl", service.endpoint().toString());
    set(mojo, "region", service.region());
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            log.add(content.toString());
          }
        });
    return mojo;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }
}
