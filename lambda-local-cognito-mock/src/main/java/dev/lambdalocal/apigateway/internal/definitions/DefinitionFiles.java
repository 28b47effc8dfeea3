package dev.lambdalocal.apigateway.internal.definitions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads a definition file, JSON or YAML, into a tree; syntax errors name file, line and column. */
final class DefinitionFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DefinitionFiles() {}

  /**
   * Read {@code file}: JSON when its first character (after white space) is <code>{</code>, YAML
   * otherwise.
   *
   * @throws IllegalArgumentException when the file is missing, malformed or not an object
   * @throws UncheckedIOException when it cannot be read
   */
  static JsonNode read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("API definition file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read API definition file " + file, e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    boolean json = text.strip().startsWith("{");
    JsonNode root;
    try {
      root = (json ? JSON : YAML).readTree(text);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        throw new IllegalArgumentException(file + ": " + describe(yaml), e);
      }
      JsonLocation location = e.getLocation();
      String where =
          location == null
              ? ""
              : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
      throw new IllegalArgumentException(
          file + ": " + where + "malformed " + (json ? "JSON" : "YAML") + ": " + firstLine(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          file + ": not a Swagger 2.0 or OpenAPI 3 document: the top level is not an object");
    }
    return root;
  }

  /** Name SnakeYAML's problem and where it is, then what it was reading (its context). */
  private static String describe(MarkedYAMLException e) {
    Mark problem = e.getProblemMark();
    String text =
        "line "
            + (problem.getLine() + 1)
            + ", column "
            + (problem.getColumn() + 1)
            + ": malformed YAML: "
            + e.getProblem();
    Mark context = e.getContextMark();
    return e.getContext() == null || context == null
        ? text
        : text
            + " ("
            + e.getContext()
            + " at line "
            + (context.getLine() + 1)
            + ", column "
            + (context.getColumn() + 1)
            + ")";
  }

  private static String firstLine(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }
}
