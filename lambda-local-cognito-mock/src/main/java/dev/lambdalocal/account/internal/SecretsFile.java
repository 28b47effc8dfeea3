package dev.lambdalocal.account.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.ssm.ParameterType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the secrets-and-parameters file of an offline account:
 *
 * <pre>{@code
 * {
 *   "secrets": { "app/db-password": "s3cr3t" },
 *   "parameters": {
 *     "/app/url": "https://example.com",
 *     "/app/api-key": { "type": "SecureString", "value": "k3y" }
 *   }
 * }
 * }</pre>
 *
 * A parameter given as a plain string is a {@code String}.
 */
public final class SecretsFile {

  /** One parameter of the file. */
  public record Parameter(String name, ParameterType type, String value) {}

  /** What a file declares. */
  public record Contents(Map<String, String> secrets, List<Parameter> parameters) {}

  private SecretsFile() {}

  /**
   * Read a file.
   *
   * @throws IllegalArgumentException naming the file (and line and column) at fault
   */
  public static Contents read(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          file + ": secrets file not found (" + file.toAbsolutePath() + ")", e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(
          file
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          file + ": expected a JSON object with \"secrets\" and \"parameters\"");
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    List<Parameter> parameters = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : root.properties()) {
      switch (member.getKey()) {
        case "secrets" ->
            object(file, "secrets", member.getValue())
                .properties()
                .forEach(
                    e ->
                        secrets.put(e.getKey(), text(file, "secrets." + e.getKey(), e.getValue())));
        case "parameters" -> {
          for (Map.Entry<String, JsonNode> e :
              object(file, "parameters", member.getValue()).properties()) {
            parameters.add(parameter(file, e.getKey(), e.getValue()));
          }
        }
        default ->
            throw new IllegalArgumentException(
                file
                    + ": unknown member \""
                    + member.getKey()
                    + "\" (expected \"secrets\", \"parameters\")");
      }
    }
    return new Contents(secrets, parameters);
  }

  private static Parameter parameter(Path file, String name, JsonNode value) {
    if (value.isTextual()) {
      return new Parameter(name, ParameterType.STRING, value.textValue());
    }
    JsonNode object = object(file, "parameters." + name, value);
    String type =
        object.has("type")
            ? text(file, "parameters." + name + ".type", object.get("type"))
            : "String";
    for (ParameterType candidate : ParameterType.values()) {
      if (candidate.awsName().equals(type)) {
        return new Parameter(
            name, candidate, text(file, "parameters." + name + ".value", object.get("value")));
      }
    }
    throw new IllegalArgumentException(
        file
            + ": parameters."
            + name
            + ".type must be String, StringList or SecureString, was "
            + type);
  }

  private static JsonNode object(Path file, String path, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(file + ": " + path + " must be a JSON object");
    }
    return node;
  }

  private static String text(Path file, String path, JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(file + ": " + path + " must be a string");
    }
    return node.textValue();
  }
}
