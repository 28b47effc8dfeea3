package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalocal.packaging.FunctionPackage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions loaded from their deployment package, as Lambda loads them. */
class ArtifactTests {

  // Jackson is on this test's class path (lambda-local uses it) but not in Lambda's runtime.
  private static final String USES_JACKSON =
      """
      package fn;
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.fasterxml.jackson.databind.ObjectMapper;
      public class Upper implements RequestHandler<String, String> {
        private static final ObjectMapper MAPPER = new ObjectMapper();
        public String handleRequest(String input, Context context) {
          try {
            return MAPPER.writeValueAsString(input.toUpperCase());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
      """;

  @TempDir Path dir;

  /** The jackson function, compiled once for the tests that package it with and without Jackson. */
  private static Path upper;

  @BeforeAll
  static void compileOnce(@TempDir Path shared) throws IOException {
    upper = compile(shared, Map.of("fn.Upper", USES_JACKSON));
  }

  @Test
  void aFunctionPackagedWithItsDependenciesRuns() throws IOException {
    Path zip = packaged(upper, jacksonJars());

    try (LocalLambda lambda =
        LocalLambda.builder().artifact(zip).handler("fn.Upper").quiet(true).build()) {
      InvocationResult result = lambda.invokeJson("\"ada\"");
      assertThat(result.error()).isEmpty();
      assertThat(result.payloadAsString()).isEqualTo("\"\\\"ADA\\\"\"");
    }
  }

  @Test
  void aFunctionPackagedWithoutADependencyFailsWithLambdasError() throws IOException {
    Path zip = packaged(upper, List.of());

    // AWSLambda.findRequestHandler: a NoClassDefFoundError while loading the handler class
    // becomes UserFault.makeInitErrorUserFault, "Error loading class <class>: <message>".
    // tag::missing[]
    try (LocalLambda lambda =
        LocalLambda.builder().artifact(zip).handler("fn.Upper").quiet(true).build()) {
      InvocationResult result = lambda.invokeJson("\"ada\"");

      LambdaError error = result.error().orElseThrow();
      assertThat(error.errorType()).isEqualTo("java.lang.NoClassDefFoundError");
      assertThat(error.errorMessage())
          .isEqualTo("Error loading class fn.Upper: com/fasterxml/jackson/databind/ObjectMapper");
    }
    // end::missing[]
  }

  @Test
  void libJarsComeAfterTheRootInLexicalOrder() throws IOException {
    Path classes =
        compile(
            dir,
            Map.of(
                "fn.Which",
                """
                package fn;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                public class Which implements RequestHandler<String, String> {
                  public String handleRequest(String input, Context context) {
                    return dep.Mark.mark();
                  }
                }
                """,
                "dep.Mark",
                "package dep; public class Mark { public static String mark() { return \"x\"; } }"));
    Path markClass = classes.resolve("dep/Mark.class");
    byte[] compiled = Files.readAllBytes(markClass);
    Files.delete(markClass);
    List<Path> jars = new ArrayList<>();
    for (String name : List.of("b-mark", "a-mark", "B-mark")) {
      jars.add(jar(dir.resolve(name + ".jar"), "dep/Mark.class", rename(compiled, name)));
    }

    try (LocalLambda lambda =
        LocalLambda.builder()
            .artifact(packaged(classes, jars))
            .handler("fn.Which")
            .quiet(true)
            .build()) {
      // "B-mark" < "a-mark" < "b-mark" in String order, as the runtime sorts lib/.
      assertThat(lambda.invokeJson("\"?\"").payloadAsString()).isEqualTo("\"B-mark\"");
    }
  }

  @Test
  void aMissingPackageIsNamed() {
    Path missing = dir.resolve("target/function.zip");
    assertThatThrownBy(() -> LocalLambda.builder().artifact(missing))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            "Artifact not found: " + missing + " (build the package first, e.g. mvn package)");
  }

  @Test
  void aFileThatIsNoZipIsNamed() throws IOException {
    Path notZip = Files.writeString(dir.resolve("function.zip"), "not a zip");
    assertThatThrownBy(() -> LocalLambda.builder().artifact(notZip))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessageStartingWith("Artifact is not a readable ZIP: " + notZip + ": ");
  }

  @Test
  void anEntryOutsideTheTaskRootIsRefused() throws IOException {
    Path zip = dir.resolve("slip.zip");
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("../outside.txt"));
    }
    assertThatThrownBy(() -> LocalLambda.builder().artifact(zip))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            "Artifact is not a readable ZIP: "
                + zip
                + ": entry ../outside.txt leaves the task root");
  }

  /** Replace the constant "x" (as a one-character UTF-8 entry of the constant pool). */
  private static byte[] rename(byte[] classFile, String mark) {
    String text = new String(classFile, StandardCharsets.ISO_8859_1);
    String replaced =
        text.replace("\u0001\u0000\u0001x", "\u0001\u0000" + (char) mark.length() + mark);
    assertThat(replaced).isNotEqualTo(text);
    return replaced.getBytes(StandardCharsets.ISO_8859_1);
  }

  private Path packaged(Path classes, List<Path> jars) {
    return FunctionPackage.builder()
        .classes(classes)
        .dependencies(jars)
        .output(dir.resolve("zips/" + System.nanoTime() + ".zip"))
        .build()
        .zip();
  }

  private static Path compile(Path dir, Map<String, String> sources) throws IOException {
    Path out = Files.createDirectories(dir.resolve("classes"));
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
    List<String> classpath = new ArrayList<>();
    classpath.add(jarOf(RequestHandler.class).toString());
    jacksonJars().forEach(j -> classpath.add(j.toString()));
    arguments.addAll(List.of("-classpath", String.join(java.io.File.pathSeparator, classpath)));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = dir.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, errors, arguments.toArray(String[]::new));
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    return out;
  }

  private static List<Path> jacksonJars() {
    return List.of(jarOf(ObjectMapper.class), jarOf(JsonFactory.class), jarOf(JsonProperty.class));
  }

  private static Path jar(Path file, String entry, byte[] content) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content);
    }
    return file;
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
