package dev.lambdalocal.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageMojoTests {

  @TempDir Path dir;

  @Test
  void theDescriptorBindsThePackageGoalToThePackagePhase() throws IOException {
    String descriptor =
        new String(
            getClass().getResourceAsStream("/META-INF/maven/plugin.xml").readAllBytes(),
            StandardCharsets.UTF_8);

    assertThat(descriptor)
        .contains("<goalPrefix>lambda-local</goalPrefix>")
        .contains("<goal>package</goal>")
        .contains("<phase>package</phase>")
        .contains("<requiresDependencyResolution>runtime</requiresDependencyResolution>")
        .contains("<threadSafe>true</threadSafe>")
        .contains("<name>allowSecrets</name>");
  }

  @Test
  void packagesCompileAndRuntimeDependenciesButNotLambdaCore() throws Exception {
    Set<Artifact> artifacts = new LinkedHashSet<>();
    artifacts.add(artifact("com.amazonaws", "aws-lambda-java-events", "compile"));
    artifacts.add(artifact("joda-time", "joda-time", "runtime"));
    artifacts.add(artifact("com.amazonaws", "aws-lambda-java-core", "compile"));
    artifacts.add(artifact("org.example", "servlet-api", "provided"));
    artifacts.add(artifact("org.example", "junit", "test"));
    PackageMojo mojo = mojo(artifacts);

    mojo.execute();

    assertThat(names(dir.resolve("target/fn.zip")))
        .containsExactly(
            "example/",
            "example/Handler.class",
            "lib/",
            "lib/aws-lambda-java-events-1.0.jar",
            "lib/joda-time-1.0.jar");

    set(mojo, "includeLambdaCore", true);
    mojo.execute();
    assertThat(names(dir.resolve("target/fn.zip"))).contains("lib/aws-lambda-java-core-1.0.jar");
  }

  @Test
  void secretsFailTheBuildUnlessAllowed() throws Exception {
    PackageMojo mojo = mojo(Set.of());
    Files.writeString(dir.resolve("classes/.env"), "A=b\n");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(".env: a .env file of environment variables (rule dotenv)");

    set(mojo, "allowSecrets", List.of(".env"));
    mojo.execute();
    assertThat(names(dir.resolve("target/fn.zip"))).contains(".env");
  }

  @Test
  void outputTimestampIsMavensReproducibleBuildProperty() throws Exception {
    PackageMojo mojo = mojo(Set.of());
    set(mojo, "outputTimestamp", "1700000000");
    mojo.execute();
    try (ZipFile zip = new ZipFile(dir.resolve("target/fn.zip").toFile())) {
      assertThat(zip.getEntry("example/Handler.class").getTimeLocal())
          .isEqualTo("2023-11-14T22:13:20");
    }
  }

  private PackageMojo mojo(Set<Artifact> artifacts) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/example"));
    Files.write(classes.resolve("Handler.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
    MavenProject project = new MavenProject();
    project.setArtifacts(artifacts);
    PackageMojo mojo = new PackageMojo();
    set(mojo, "project", project);
    set(mojo, "classesDirectory", dir.resolve("classes").toFile());
    set(mojo, "outputFile", dir.resolve("target/fn.zip").toFile());
    return mojo;
  }

  private Artifact artifact(String group, String name, String scope) throws IOException {
    // As Maven configures the "jar" type (maven-core's artifact-handlers.xml).
    DefaultArtifactHandler jarType = new DefaultArtifactHandler("jar");
    jarType.setAddedToClasspath(true);
    DefaultArtifact artifact = new DefaultArtifact(group, name, "1.0", scope, "jar", null, jarType);
    Path jar = dir.resolve("repo").resolve(name + "-1.0.jar");
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name + ".txt"));
    }
    artifact.setFile(jar.toFile());
    return artifact;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = PackageMojo.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static List<String> names(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Collections.list(file.entries()).forEach(e -> names.add(e.getName()));
    }
    return names;
  }
}
