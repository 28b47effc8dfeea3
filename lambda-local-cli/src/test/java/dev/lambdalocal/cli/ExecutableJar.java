package dev.lambdalocal.cli;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.DateTime;

/**
 * Starts the packaged executable JAR as a user does, {@code java -jar lambda-local-cli-….jar …}, in
 * a JVM of its own with no other option: the JAR alone must be enough.
 */
final class ExecutableJar {

  private ExecutableJar() {}

  /** Return a process builder for {@code java -jar <the JAR> args…}, run in {@code directory}. */
  static ProcessBuilder java(Path directory, String... args) {
    String jar = System.getProperty("lambdalocal.cli.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "lambdalocal.cli.jar names no JAR (" + jar + "): run these tests with mvn verify");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(directory.toFile());
  }

  /**
   * Return the function class path of the test handlers, for a command's {@code --classpath}: their
   * directory, the events library they use and its Joda-Time (which the runtime's serializer needs
   * for API Gateway events), as a user passes {@code target/classes} and {@code
   * target/dependency/*}.
   */
  static String handlers() {
    return String.join(
        File.pathSeparator,
        location(RunHandlers.class),
        location(APIGatewayProxyRequestEvent.class),
        location(DateTime.class));
  }

  static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
