package dev.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar lambda-local-cli-….jar package …}: the packaging code inside the one JAR. */
class PackageJarTests {

  @TempDir Path dir;

  @Test
  void packagesTheHandlersWithTheirRuntimeDependenciesAndRefusesASecret() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("target/classes/example"));
    Files.write(classes.resolve("Handler.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
    String dependencies =
        ExecutableJar.handlers()
            .substring(ExecutableJar.handlers().indexOf(java.io.File.pathSeparator) + 1);

    Process written =
        ExecutableJar.java(dir, "package", "--classpath", dependencies, "-o", "target/fn.zip")
            .redirectErrorStream(true)
            .start();
    String output = new String(written.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(written.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(written.exitValue()).as(output).isZero();
    assertThat(names(dir.resolve("target/fn.zip")))
        .hasSize(5)
        .contains("example/Handler.class")
        .anyMatch(name -> name.startsWith("lib/aws-lambda-java-events-"))
        .anyMatch(name -> name.startsWith("lib/joda-time-"));

    Files.writeString(classes.resolve("env.py"), "SECRET = 'x'\n");
    Process refused =
        ExecutableJar.java(dir, "package", "-o", "target/fn.zip").redirectErrorStream(true).start();
    String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(refused.exitValue()).isEqualTo(2);
    assertThat(refusal.lines())
        .containsExactly(
            "package: Refused to package target/fn.zip: 1 entry looks like a secret",
            "example/env.py: a module of credentials like env.py (rule credential-module); if it"
                + " must ship, allow it by name: allowSecret(\"example/env.py\"), Maven"
                + " <allowSecrets><allowSecret>example/env.py</allowSecret></allowSecrets>, or"
                + " lambda-local package --allow-secret 'example/env.py'");
  }

  private static List<String> names(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Collections.list(file.entries()).forEach(e -> names.add(e.getName()));
    }
    return names;
  }
}
