package dev.lambdalocal.core.internal.env;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonFactory;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonLocation;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonParser;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonProcessingException;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonToken;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.StreamReadFeature;
import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Read environment variables from a file in the format of {@code sam local invoke --env-vars}.
 *
 * <p>The file is one JSON object. Its {@code "Parameters"} object applies to every function; an
 * object under a function's name applies to that function only and wins over {@code "Parameters"};
 * the objects of other functions are ignored:
 *
 * <pre>{@code
 * {
 *   "Parameters": {"TABLE": "orders", "RETRIES": 3},
 *   "OrderFunction": {"TABLE": "orders-test", "DEBUG": true}
 * }
 * }</pre>
 *
 * <p>String values are taken as they are, numbers and booleans as their JSON text ({@code 3},
 * {@code 1.50}, {@code true}). Anything else, and any JSON the file does not parse as, is an error
 * that names the file and the line and column at fault.
 *
 * @since 0.1.0
 */
public final class EnvironmentFiles {

  private static final String PARAMETERS = "Parameters";

  // The Jackson core the runtime's serializer shades and loads anyway: no second copy is loaded.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  // Jackson names other places in the text as "[Source: REDACTED ...; line: 1, column: 16]".
  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]");

  private EnvironmentFiles() {}

  /**
   * Return a function's own variables: those the files give it, in order, then {@code explicit},
   * each overriding the one before; checked against Lambda's reserved keys.
   *
   * @param files SAM CLI-style env-vars files
   * @param functionName the function whose own sections apply
   * @param explicit variables set directly, which override the files
   * @return the variables (unmodifiable)
   * @throws LambdaConfigurationException when a file cannot be read or a reserved key is set
   */
  public static Map<String, String> userVariables(
      List<Path> files, String functionName, Map<String, String> explicit) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (Path file : files) {
      variables.putAll(read(file, functionName));
    }
    variables.putAll(explicit);
    LambdaVariables.checkUserVariables(variables);
    return Map.copyOf(variables);
  }

  /**
   * Read the variables a file gives one function.
   *
   * @param file the JSON file
   * @param functionName the function whose own section applies, besides {@code "Parameters"}; may
   *     be {@code null} to read {@code "Parameters"} only
   * @return the variables, {@code "Parameters"} first, in the order of the file (unmodifiable)
   * @throws LambdaConfigurationException when the file cannot be read, is not valid JSON, or holds
   *     a value that is not a string, number or boolean
   */
  public static Map<String, String> read(Path file, String functionName) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new LambdaConfigurationException(
          file + ": environment variables file not found (" + file.toAbsolutePath() + ")", e);
    } catch (CharacterCodingException e) {
      throw new LambdaConfigurationException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new LambdaConfigurationException(file + ": cannot be read: " + e, e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (JsonParser parser = JSON.createParser(text)) {
      return new Reader(file, functionName, parser).read();
    } catch (JsonProcessingException e) {
      String problem =
          SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
      throw new LambdaConfigurationException(at(file, e.getLocation()) + problem, e);
    } catch (IOException e) {
      throw new LambdaConfigurationException(file + ": cannot be read: " + e, e);
    }
  }

  private static String at(Path file, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return file + ": ";
    }
    return file + ": line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  /** One pass over the file's tokens. */
  private static final class Reader {

    private final Path file;
    private final String functionName;
    private final JsonParser parser;

    Reader(Path file, String functionName, JsonParser parser) {
      this.file = file;
      this.functionName = functionName;
      this.parser = parser;
    }

    Map<String, String> read() throws IOException {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw fault("the file is empty; expected an object such as {\"Parameters\": {...}}");
      }
      if (first != JsonToken.START_OBJECT) {
        throw fault("expected an object such as {\"Parameters\": {...}}, found " + describe(first));
      }
      Map<String, String> parameters = Map.of();
      Map<String, String> own = Map.of();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String section = parser.currentName();
        JsonToken value = parser.nextToken();
        if (PARAMETERS.equals(section)) {
          parameters = section(section, value);
        } else if (section.equals(functionName)) {
          own = section(section, value);
        } else {
          parser.skipChildren();
        }
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw fault("more JSON after the end of the object: " + describe(trailing));
      }
      Map<String, String> variables = new LinkedHashMap<>(parameters);
      variables.putAll(own);
      return Collections.unmodifiableMap(variables);
    }

    private Map<String, String> section(String section, JsonToken start) throws IOException {
      if (start != JsonToken.START_OBJECT) {
        throw fault(
            "\""
                + section
                + "\" must be an object of variable names to values, found "
                + describe(start));
      }
      Map<String, String> variables = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (value) {
          case VALUE_STRING:
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
          case VALUE_TRUE:
          case VALUE_FALSE:
            // For numbers getText() is the text as written in the file, not a reformatted value.
            variables.put(name, parser.getText());
            break;
          default:
            throw fault(
                "the value of \""
                    + name
                    + "\" in \""
                    + section
                    + "\" is "
                    + describe(value)
                    + "; environment variable values must be strings, numbers or booleans");
        }
      }
      return variables;
    }

    private LambdaConfigurationException fault(String problem) {
      return new LambdaConfigurationException(at(file, parser.currentTokenLocation()) + problem);
    }

    private static String describe(JsonToken token) {
      switch (token) {
        case START_OBJECT:
          return "an object";
        case START_ARRAY:
          return "an array";
        case VALUE_NULL:
          return "null";
        case VALUE_STRING:
          return "a string";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "a number";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "a boolean";
        default:
          return token.asString() != null ? "'" + token.asString() + "'" : token.name();
      }
    }
  }
}
