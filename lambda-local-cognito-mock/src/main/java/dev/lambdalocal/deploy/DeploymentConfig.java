package dev.lambdalocal.deploy;

import dev.lambdalocal.deploy.internal.ConfigFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a function should look like in Lambda: the declarative input of {@link Deployer}, usually
 * read from a small YAML (or JSON) file with {@link #read(Path)}:
 *
 * <pre>{@code
 * name: hello
 * handler: example.Hello::handleRequest
 * runtime: java21
 * memory: 512
 * timeout: 30
 * role: arn:aws:iam::123456789012:role/hello-lambda
 * zip: target/hello.zip
 * environment:
 *   STAGE: dev
 * }</pre>
 *
 * @param name the function name
 * @param handler the handler string
 * @param runtime {@code java17}, {@code java21} or {@code java25}
 * @param memorySize the memory in MB, 128 to 10240
 * @param timeoutSeconds the timeout in seconds, 1 to 900
 * @param role the execution role's ARN
 * @param description the description; empty when none
 * @param environment the function's environment variables, in order
 * @param zip the deployment package
 * @since 0.1.0
 */
public record DeploymentConfig(
    String name,
    String handler,
    String runtime,
    int memorySize,
    int timeoutSeconds,
    String role,
    String description,
    Map<String, String> environment,
    Path zip) {

  /** Lambda's default memory, used when the file gives none. */
  public static final int DEFAULT_MEMORY = 128;

  /** Lambda's default timeout in seconds, used when the file gives none. */
  public static final int DEFAULT_TIMEOUT = 3;

  /**
   * Create a configuration and check it as the Lambda API would.
   *
   * @throws IllegalArgumentException naming the setting at fault
   */
  public DeploymentConfig {
    description = description == null ? "" : description;
    environment =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(environment == null ? Map.of() : environment));
    Objects.requireNonNull(zip, "zip");
    ConfigFiles.check(name, handler, runtime, memorySize, timeoutSeconds, role, environment);
  }

  /**
   * Read a configuration file (YAML, or JSON, which is YAML too). A relative {@code zip} is
   * resolved against the file's directory.
   *
   * @param file the file
   * @return the configuration
   * @throws IllegalArgumentException naming the file, and the line and key at fault
   */
  public static DeploymentConfig read(Path file) {
    return ConfigFiles.read(file);
  }

  /**
   * Return a copy with another memory size (the successor of {@code make setmem/<f> SIZE=…}).
   *
   * @param megabytes the memory in MB
   * @return the new configuration
   */
  public DeploymentConfig withMemorySize(int megabytes) {
    return new DeploymentConfig(
        name, handler, runtime, megabytes, timeoutSeconds, role, description, environment, zip);
  }

  /**
   * Return a copy with another package.
   *
   * @param zip the deployment package
   * @return the new configuration
   */
  public DeploymentConfig withZip(Path zip) {
    return new DeploymentConfig(
        name, handler, runtime, memorySize, timeoutSeconds, role, description, environment, zip);
  }
}
