package dev.lambdalocal.deploy.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.internal.env.LambdaVariables;
import dev.lambdalocal.deploy.DeploymentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks deployment configuration files. */
public final class ConfigFiles {

  /** The runtimes a deployment may name. */
  public static final Set<String> RUNTIMES = Set.of("java17", "java21", "java25");

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "handler",
          "runtime",
          "memory",
          "timeout",
          "role",
          "description",
          "environment",
          "zip");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
  // The Role pattern of Lambda's service model.
  private static final Pattern ROLE =
      Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigFiles() {}

  /** Read {@code file}; errors name the file, and the line and key where there is one. */
  public static DeploymentConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Deployment configuration not found: " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(
          file + (at == null ? "" : ":" + at.getLineNr()) + ": not YAML: " + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          file + ": expected a mapping of name, handler, runtime, …");
    }
    for (var names = root.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            file
                + ": unknown key '"
                + key
                + "' (known: "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ")");
      }
    }
    try {
      Map<String, String> environment = new LinkedHashMap<>();
      JsonNode env = root.get("environment");
      if (env != null && !env.isNull()) {
        if (!env.isObject()) {
          throw new IllegalArgumentException("environment must be a mapping of names to values");
        }
        env.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
      }
      String zip = text(root, "zip", true);
      Path base = file.toAbsolutePath().getParent();
      return new DeploymentConfig(
          text(root, "name", true),
          text(root, "handler", true),
          text(root, "runtime", true),
          integer(root, "memory", DeploymentConfig.DEFAULT_MEMORY),
          integer(root, "timeout", DeploymentConfig.DEFAULT_TIMEOUT),
          text(root, "role", true),
          text(root, "description", false),
          environment,
          base.resolve(zip).normalize());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode root, String key, boolean required) {
    JsonNode value = root.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException("'" + key + "' is required");
      }
      return null;
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException("'" + key + "' must be a text value");
    }
    return value.asText();
  }

  private static int integer(JsonNode root, String key, int fallback) {
    JsonNode value = root.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("'" + key + "' must be a whole number, was " + value);
    }
    return value.intValue();
  }

  /** Check a configuration's settings as the Lambda API would. */
  public static void check(
      String name,
      String handler,
      String runtime,
      int memorySize,
      int timeout,
      String role,
      Map<String, String> environment) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be 1 to 64 letters, digits, '-' or '_', was " + name);
    }
    if (handler == null || handler.isBlank()) {
      throw new IllegalArgumentException("handler must be set, e.g. example.Hello::handleRequest");
    }
    if (!RUNTIMES.contains(runtime)) {
      throw new IllegalArgumentException(
          "runtime must be one of java17, java21, java25, was " + runtime);
    }
    if (memorySize < 128 || memorySize > 10240) {
      throw new IllegalArgumentException("memory must be 128 to 10240 MB, was " + memorySize);
    }
    if (timeout < 1 || timeout > 900) {
      throw new IllegalArgumentException("timeout must be 1 to 900 seconds, was " + timeout);
    }
    if (role == null || !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException(
          "role must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), was " + role);
    }
    try {
      LambdaVariables.checkUserVariables(environment);
    } catch (LambdaConfigurationException e) {
      throw new IllegalArgumentException("environment: " + e.getMessage(), e);
    }
  }
}
