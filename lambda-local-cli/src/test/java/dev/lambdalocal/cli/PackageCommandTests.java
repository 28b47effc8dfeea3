package dev.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCommandTests {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path classes;

  @BeforeEach
  void classes() throws IOException {
    classes = Files.createDirectories(dir.resolve("target/classes/example"));
    Files.write(classes.resolve("Handler.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
    classes = classes.getParent();
  }

  @Test
  void packagesClassesAndDependenciesWithoutLambdaCoreReproducibly() throws IOException {
    Path events = jar("aws-lambda-java-events-3.16.1.jar");
    Path joda = jar("joda-time-2.10.8.jar");
    Path core = jar("aws-lambda-java-core-1.4.0.jar");
    String classpath = core + File.pathSeparator + joda;
    Path zip = dir.resolve("target/function.zip");

    int status =
        execute(
            "package",
            "--classes",
            classes.toString(),
            "--lib",
            events.toString(),
            "--classpath",
            classpath,
            "--output",
            zip.toString());

    assertThat(status).as(err()).isZero();
    assertThat(out()).isEqualTo(zip + " (5 entries)\n");
    assertThat(err())
        .isEqualTo(
            "Leaving out aws-lambda-java-core-1.4.0.jar: Lambda's Java runtime provides it\n");
    assertThat(names(zip))
        .containsExactly(
            "example/",
            "example/Handler.class",
            "lib/",
            "lib/aws-lambda-java-events-3.16.1.jar",
            "lib/joda-time-2.10.8.jar");

    byte[] first = Files.readAllBytes(zip);
    assertThat(
            execute(
                "package",
                "--classes",
                classes.toString(),
                "--lib",
                events.toString(),
                "--classpath",
                classpath,
                "-o",
                zip.toString()))
        .isZero();
    assertThat(Files.readAllBytes(zip)).isEqualTo(first);
  }

  @Test
  void refusesSecretsNamingEachUnlessAllowed() throws IOException {
    Files.writeString(classes.resolve(".env"), "TOKEN=x\n");
    Path zip = dir.resolve("function.zip");

    int refused = execute("package", "--classes", classes.toString(), "-o", zip.toString());

    assertThat(refused).isEqualTo(2);
    assertThat(err().lines())
        .containsExactly(
            "package: Refused to package " + zip + ": 1 entry looks like a secret",
            ".env: a .env file of environment variables (rule dotenv); if it must ship, allow it by"
                + " name: allowSecret(\".env\"), Maven"
                + " <allowSecrets><allowSecret>.env</allowSecret></allowSecrets>, or lambda-local"
                + " package --allow-secret '.env'");
    assertThat(zip).doesNotExist();

    err.reset();
    int allowed =
        execute(
            "package",
            "--classes",
            classes.toString(),
            "-o",
            zip.toString(),
            "--allow-secret",
            ".env");
    assertThat(allowed).isZero();
    assertThat(err())
        .isEqualTo(
            "Shipping .env, a .env file of environment variables (rule dotenv): allowed by"
                + " --allow-secret\n");
    assertThat(names(zip)).contains(".env");
  }

  @Test
  void aDirectoryOnTheClassPathIsAUsageError() {
    int status =
        execute(
            "package",
            "--classes",
            classes.toString(),
            "--classpath",
            classes.toString(),
            "-o",
            dir.resolve("x.zip").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err())
        .startsWith("lambda-local package: --classpath: " + classes + " is a directory");
  }

  private Path jar(String name) throws IOException {
    Path file = dir.resolve("repo").resolve(name);
    Files.createDirectories(file.getParent());
    try (OutputStream stream = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(stream)) {
      zip.putNextEntry(new ZipEntry(name + ".txt"));
    }
    return file;
  }

  private static List<String> names(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Collections.list(file.entries()).forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  private int execute(String... args) {
    return LambdaLocalCli.commandLine(
            InputStream.nullInputStream(), out, new PrintStream(err, true, StandardCharsets.UTF_8))
        .execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
