package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * Compiles user classes at test time, outside our package and outside the test class path, so they
 * behave like a deployed function's classes: loaded by their own class loader, with frames the
 * stack-trace filter keeps.
 */
final class JavaSources {

  private JavaSources() {}

  /**
   * Compile {@code sources} (class name to source text) into {@code directory}.
   *
   * @return the directory holding the class files
   */
  static Path compile(Path directory, Map<String, String> sources) throws IOException {
    List<String> arguments = new ArrayList<>();
    arguments.addAll(List.of("--release", "17", "-d", directory.toString()));
    arguments.addAll(List.of("-classpath", jarOf(RequestHandler.class)));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = directory.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, errors, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException(
          "Test sources do not compile: " + errors.toString(StandardCharsets.UTF_8));
    }
    return directory;
  }

  /** Return a class loader over {@code directory} whose parent is the test class loader. */
  static URLClassLoader loaderOf(Path directory) throws IOException {
    return new URLClassLoader(
        new URL[] {directory.toUri().toURL()}, JavaSources.class.getClassLoader());
  }

  private static String jarOf(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
