package dev.lambdalocal.lambda.internal;

import java.util.Map;
import java.util.Objects;

/**
 * A function's configuration as the Lambda API stores it.
 *
 * @param handler the handler string, e.g. {@code example.Hello::handleRequest}
 * @param runtime the runtime identifier, e.g. {@code java21}
 * @param role the execution role's ARN
 * @param description the description; empty when none
 * @param memorySize the memory in MB
 * @param timeout the timeout in seconds
 * @param environment the function's own environment variables
 */
public record FunctionSettings(
    String handler,
    String runtime,
    String role,
    String description,
    int memorySize,
    int timeout,
    Map<String, String> environment) {

  /** Lambda's defaults: 128 MB and 3 seconds. */
  public static final int DEFAULT_MEMORY = 128;

  /** Lambda's default timeout in seconds. */
  public static final int DEFAULT_TIMEOUT = 3;

  /** Create settings; the environment is copied. */
  public FunctionSettings {
    Objects.requireNonNull(role, "role");
    description = description == null ? "" : description;
    environment = Map.copyOf(environment == null ? Map.of() : environment);
  }
}
