package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension compiles against the oldest JUnit it supports (the JARs the build copies to {@code
 * target/junit-floor-<version>}), whichever JUnit the tests run on: no API newer than the floor
 * (5.9) creeps in.
 */
class JUnitApiFloorTests {

  @Test
  void theMainSourcesCompileAgainstTheOldestJUnit(@TempDir Path output) throws Exception {
    String jupiter = System.getProperty("lambdalocal.junit.floor.version", "5.9.3");
    String platform = System.getProperty("lambdalocal.junit.floor.platform.version", "1.9.3");
    Path floor =
        Path.of(System.getProperty("lambdalocal.junit.floor", "target/junit-floor-" + jupiter));
    Path sources = Path.of(System.getProperty("lambdalocal.junit.sources", "src/main/java"));
    List<String> classpath = new ArrayList<>();
    try (Stream<Path> jars = Files.list(floor)) {
      jars.map(Path::toString).sorted().forEach(classpath::add);
    }
    assertThat(classpath)
        .anyMatch(jar -> jar.endsWith("junit-jupiter-api-" + jupiter + ".jar"))
        .anyMatch(jar -> jar.endsWith("junit-jupiter-params-" + jupiter + ".jar"))
        .anyMatch(jar -> jar.endsWith("junit-platform-commons-" + platform + ".jar"));
    // This module's own classes are left out; other modules' (core's, the Cognito mock's) are
    // needed, as target/classes directories in a reactor build up to the test phase.
    List<Path> ours =
        List.of(
            Path.of(LambdaTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
            Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean junit =
          entry.contains("/org/junit/")
              || entry.contains("/org/opentest4j/")
              || entry.contains("/org/apiguardian/");
      if (!junit && !ours.contains(Path.of(entry).toAbsolutePath())) {
        classpath.add(entry);
      }
    }
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-proc:none",
                "-implicit:none",
                "-d",
                output.toString(),
                "-classpath",
                String.join(File.pathSeparator, classpath)));
    try (Stream<Path> files = Files.walk(sources)) {
      files.map(Path::toString).filter(file -> file.endsWith(".java")).forEach(arguments::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));

    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(output.resolve("dev/lambdalocal/junit/LambdaTestExtension.class")).exists();
  }
}
