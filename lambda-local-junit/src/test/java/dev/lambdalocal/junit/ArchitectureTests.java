package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the layout of the libraries a user puts on a test class path (lambda-local-core,
 * lambda-local-cognito-mock, lambda-local-junit) from their compiled classes: which room may use
 * which, and that no two public types share a simple name.
 */
class ArchitectureTests {

  /**
   * The rooms of {@code dev.lambdalocal.<room>…} in dependency order: each may use only those
   * before it. {@code aws} holds the internals that Cognito and API Gateway share.
   */
  private static final List<String> ROOMS =
      List.of(
          "core",
          "packaging",
          "aws",
          "cognito",
          "secretsmanager",
          "ssm",
          "lambda",
          "deploy",
          "apigateway",
          "account",
          "junit");

  private static final Pattern DEPENDENCY =
      Pattern.compile("^\\s+(dev\\.lambdalocal\\.\\S+)\\s+->\\s+(dev\\.lambdalocal\\.\\S+)\\s");

  @Test
  void roomsDependOnlyOnEarlierRooms() {
    Set<String> edges = new LinkedHashSet<>();
    Set<String> backwards = new LinkedHashSet<>();
    for (String line : jdeps().split("\\R")) {
      Matcher matcher = DEPENDENCY.matcher(line);
      if (!matcher.find()) {
        continue;
      }
      String from = room(matcher.group(1));
      String to = room(matcher.group(2));
      if (from.equals(to)) {
        continue;
      }
      edges.add(from + " -> " + to);
      if (ROOMS.indexOf(to) >= ROOMS.indexOf(from)) {
        backwards.add(matcher.group(1) + " -> " + matcher.group(2));
      }
    }

    assertThat(edges)
        .as("jdeps found the libraries' dependencies")
        .contains("apigateway -> cognito");
    assertThat(backwards).as("dependencies against the order %s", ROOMS).isEmpty();
  }

  @Test
  void publicTypesOfPublicPackagesHaveDistinctSimpleNames() throws Exception {
    Map<String, List<String>> byName = new TreeMap<>();
    for (Path root : libraries()) {
      for (String type : publicTopLevelTypes(root)) {
        byName
            .computeIfAbsent(type.substring(type.lastIndexOf('.') + 1), n -> new ArrayList<>())
            .add(type);
      }
    }

    assertThat(byName).as("public types found").containsKeys("LocalLambda", "CognitoMock");
    assertThat(byName).allSatisfy((name, types) -> assertThat(types).as(name).hasSize(1));
  }

  private static String room(String packageName) {
    String room = packageName.split("\\.")[2];
    assertThat(ROOMS).as("the room of %s", packageName).contains(room);
    return room;
  }

  private static String jdeps() {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in JDK"));
    List<String> args =
        new ArrayList<>(List.of("-verbose:package", "-e", "dev\\.lambdalocal\\..*"));
    libraries().forEach(library -> args.add(library.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    assertThat(status).as("jdeps exit status; stderr: %s", err).isZero();
    return out.toString();
  }

  /** The class directories (or JARs) of the three libraries. */
  private static List<Path> libraries() {
    return Stream.of(LocalLambda.class, CognitoMock.class, ApiGatewayMock.class, LambdaTest.class)
        .map(ArchitectureTests::location)
        .distinct()
        .toList();
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> publicTopLevelTypes(Path library) throws Exception {
    if (Files.isDirectory(library)) {
      return publicTopLevelTypes(library, library);
    }
    try (FileSystem jar = FileSystems.newFileSystem(library)) {
      return publicTopLevelTypes(jar.getPath("/"), library);
    }
  }

  private static List<String> publicTopLevelTypes(Path root, Path library) throws Exception {
    List<String> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = root.relativize(file).toString();
        if (!relative.endsWith(".class")
            || relative.contains("$")
            || relative.contains("/internal/")
            || relative.endsWith("package-info.class")) {
          continue;
        }
        String name = relative.substring(0, relative.length() - 6).replace('/', '.');
        Class<?> type = Class.forName(name, false, ArchitectureTests.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          types.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + library, e);
    }
    return types;
  }
}
