package dev.lambdalocal.core;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonFactory;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonLocation;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonParser;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonProcessingException;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.lambdalocal.core.internal.events.EventFiles;
import dev.lambdalocal.core.internal.events.Substitution;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Lambda events from files, streams and class path resources, and turns them into the objects
 * the AWS Lambda Java runtime would pass to a handler.
 *
 * <p>Every read checks that the text is exactly one JSON document. A malformed event fails with a
 * {@link LambdaConfigurationException} that names its source, line and column, e.g. {@code
 * events/test.json: line 3, column 5: Unexpected character ('}' (code 125)): was expecting
 * double-quote to start field name}. The text itself is returned unchanged (less a leading byte
 * order mark), so it reaches the function byte for byte as the Invoke API's payload would.
 *
 * <p>Placeholders of the form {@code %NAME%} are replaced before the check, by plain text
 * substitution, as the old {@code make run} did with {@code %IDENTITY_ID%}. Names without a value
 * are left as they are; line and column numbers in errors always refer to the text as written.
 *
 * <p>Typed loading uses the runtime's own serializer for the target type, so an event file becomes
 * exactly the object Lambda would pass: for example, an {@code APIGatewayProxyRequestEvent} whose
 * {@code body} is a JSON object written as a string keeps that string.
 *
 * @since 0.1.0
 */
public final class Events {

  /** The placeholder name of the caller's Cognito identity id: {@code %IDENTITY_ID%}. */
  public static final String IDENTITY_ID = "IDENTITY_ID";

  /** The placeholder name of the caller's Cognito identity pool id: {@code %IDENTITY_POOL_ID%}. */
  public static final String IDENTITY_POOL_ID = "IDENTITY_POOL_ID";

  /**
   * The largest payload the Lambda Invoke API takes for a synchronous invocation: 6 MB, 6,291,456
   * bytes. A larger event is refused as Lambda refuses it ({@code RequestEntityTooLargeException:
   * Request must be smaller than 6291456 bytes for the InvokeFunction operation}), before it is
   * read whole.
   *
   * @since 0.1.0
   */
  public static final int MAX_PAYLOAD_BYTES = 6_291_456;

  /**
   * The tokenizer of the strict check: the Jackson core the runtime's serializer shades and loads
   * anyway, so that reading an event loads no second copy of Jackson's core (a cold start cost).
   */
  private static final JsonFactory JSON = new JsonFactory();

  private static final Pattern EMBEDDED_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  /** The runtime's serializer of each event class, for the class's own loader. */
  private static final ClassValue<PojoSerializer<Object>> SERIALIZERS =
      new ClassValue<>() {
        @Override
        protected PojoSerializer<Object> computeValue(Class<?> type) {
          return new RuntimeSerializers(type.getClassLoader())
              .forType(type, RuntimeSerializers.Platform.UNKNOWN);
        }
      };

  private Events() {}

  /**
   * Return the placeholder values of a Cognito identity: {@code %IDENTITY_ID%} and {@code
   * %IDENTITY_POOL_ID%}.
   *
   * @param identity the identity
   * @return the map to pass to {@link #readJson(Path, Map)}
   */
  public static Map<String, String> placeholders(Identity identity) {
    return Map.of(IDENTITY_ID, identity.identityId(), IDENTITY_POOL_ID, identity.identityPoolId());
  }

  /**
   * Read an event file and check that it holds one JSON document.
   *
   * @param file the event file, UTF-8
   * @return the file's text
   * @throws LambdaConfigurationException if the file cannot be read or is not one JSON document;
   *     the message names the file, and the line and column of a syntax error
   */
  public static String readJson(Path file) {
    return readJson(file, Map.of());
  }

  /**
   * Read an event file, replace its {@code %NAME%} placeholders and check that the result is one
   * JSON document.
   *
   * @param file the event file, UTF-8
   * @param placeholders values by placeholder name without the percent signs, e.g. {@code
   *     IDENTITY_ID}
   * @return the text with the placeholders replaced
   * @throws LambdaConfigurationException if the file cannot be read or is not one JSON document;
   *     the message names the file, and the line and column of a syntax error
   */
  public static String readJson(Path file, Map<String, String> placeholders) {
    return check(decode(readBytes(file), file.toString()), file.toString(), placeholders);
  }

  private static byte[] readBytes(Path file) {
    // Never blocks for good: a named pipe gets a bounded wait for its writer.
    try (InputStream input = EventFiles.open(file, EventFiles.WRITER_WAIT)) {
      return readAtMost(input, file.toString());
    } catch (NoSuchFileException e) {
      throw new LambdaConfigurationException(file + ": no such file", e);
    } catch (IOException e) {
      throw new LambdaConfigurationException(file + ": cannot read: " + reason(e), e);
    }
  }

  /**
   * Read an event from a stream (standard input, for example), replace its placeholders and check
   * that the result is one JSON document. The stream is read to its end but not closed.
   *
   * @param input the UTF-8 event
   * @param sourceName how errors name the source, e.g. {@code <stdin>}
   * @param placeholders values by placeholder name without the percent signs
   * @return the text with the placeholders replaced
   * @throws LambdaConfigurationException if the stream fails or does not hold one JSON document
   */
  public static String readJson(
      InputStream input, String sourceName, Map<String, String> placeholders) {
    byte[] bytes;
    try {
      bytes = readAtMost(input, sourceName);
    } catch (IOException e) {
      throw new LambdaConfigurationException(sourceName + ": cannot read: " + reason(e), e);
    }
    return check(decode(bytes, sourceName), sourceName, placeholders);
  }

  /** Read no more than one byte past the Invoke API's limit: never a whole /dev/zero. */
  private static byte[] readAtMost(InputStream input, String source) throws IOException {
    byte[] bytes = input.readNBytes(MAX_PAYLOAD_BYTES + 1);
    if (bytes.length > MAX_PAYLOAD_BYTES) {
      throw tooLarge(source);
    }
    return bytes;
  }

  private static LambdaConfigurationException tooLarge(String source) {
    return new LambdaConfigurationException(
        source
            + ": larger than "
            + MAX_PAYLOAD_BYTES
            + " bytes, the most the Lambda Invoke API takes (Lambda answers"
            + " RequestEntityTooLargeException: Request must be smaller than "
            + MAX_PAYLOAD_BYTES
            + " bytes for the InvokeFunction operation)");
  }

  /**
   * Read an event from a class path resource, including one inside a JAR, and check that it holds
   * one JSON document.
   *
   * @param name the resource name, e.g. {@code events/sqs.json} (a leading {@code /} is ignored)
   * @param loader the class loader to search
   * @return the resource's text
   * @throws LambdaConfigurationException if the resource is missing or not one JSON document
   */
  public static String readResource(String name, ClassLoader loader) {
    return readResource(name, loader, Map.of());
  }

  /**
   * Read an event from a class path resource, replace its placeholders and check that the result is
   * one JSON document.
   *
   * @param name the resource name, e.g. {@code events/sqs.json} (a leading {@code /} is ignored)
   * @param loader the class loader to search
   * @param placeholders values by placeholder name without the percent signs
   * @return the text with the placeholders replaced
   * @throws LambdaConfigurationException if the resource is missing or not one JSON document
   */
  public static String readResource(
      String name, ClassLoader loader, Map<String, String> placeholders) {
    String resource = name.startsWith("/") ? name.substring(1) : name;
    // A stream, never a File: resources inside JARs have no file of their own.
    try (InputStream input = loader.getResourceAsStream(resource)) {
      if (input == null) {
        throw new LambdaConfigurationException(
            resource + ": no such resource on the class path of " + loader);
      }
      return readJson(input, resource, placeholders);
    } catch (IOException e) {
      throw new LambdaConfigurationException(resource + ": cannot read: " + reason(e), e);
    }
  }

  /**
   * Read an event file into the object the Lambda runtime would pass to a handler whose input type
   * is {@code type}, using the serializers of {@code type}'s class loader.
   *
   * @param file the event file, UTF-8
   * @param type the handler's input type, e.g. {@code SQSEvent.class}
   * @param <T> the input type
   * @return the event object
   *     <p>The file is checked as {@link #readJson(Path)} checks it, so that anything after the
   *     first JSON value is refused, as {@link #load(String, Type, ClassLoader)} refuses it, and a
   *     syntax error names its line and column.
   * @throws LambdaConfigurationException if the file is unreadable, malformed, has content after
   *     its JSON value, or does not fit {@code type}
   */
  public static <T> T load(Path file, Class<T> type) {
    return deserialize(readJson(file), file.toString(), type, type.getClassLoader());
  }

  /**
   * Turn JSON into the object the Lambda runtime would pass to a handler whose input type is {@code
   * type}, in a function whose classes come from {@code loader}.
   *
   * @param json the event
   * @param type the handler's input type, a class or a parameterized type such as {@code
   *     Map<String, Object>}
   * @param loader the function's class loader, searched for a {@code CustomPojoSerializer}
   * @param <T> the input type
   * @return the event object
   * @throws LambdaConfigurationException if the JSON is malformed or does not fit {@code type}
   */
  public static <T> T load(String json, Type type, ClassLoader loader) {
    return deserialize(check(json, "event", Map.of()), "event", type, loader);
  }

  @SuppressWarnings("unchecked")
  private static <T> T deserialize(String json, String source, Type type, ClassLoader loader) {
    try {
      return (T) serializer(type, loader).fromJson(json);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new LambdaConfigurationException(
          source + ": cannot read as " + type.getTypeName() + ": " + root.getMessage(), e);
    }
  }

  private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
    return type instanceof Class<?> c && c.getClassLoader() != null && c.getClassLoader() == loader
        ? SERIALIZERS.get(c)
        : new RuntimeSerializers(loader != null ? loader : Events.class.getClassLoader())
            .forType(type, RuntimeSerializers.Platform.UNKNOWN);
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String decode(byte[] bytes, String source) {
    // The JDK's fast decoder replaces malformed input with U+FFFD; only text that has one (which
    // valid UTF-8 may also spell out) is decoded again, strictly, to tell the two apart.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        throw new LambdaConfigurationException(source + ": not valid UTF-8", e);
      }
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Replace the placeholders in {@code text}, check it is one JSON document, and return it. */
  private static String check(String text, String source, Map<String, String> placeholders) {
    Substitution substitution = Substitution.apply(text, placeholders);
    if (substitution.result().length() > MAX_PAYLOAD_BYTES / 3
        && substitution.result().getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw tooLarge(source + " (with its placeholders replaced)");
    }
    try (JsonParser parser = JSON.createParser(substitution.result())) {
      try {
        if (parser.nextToken() == null) {
          throw syntaxError(
              source, substitution, parser.currentLocation(), "No content: expected a JSON value");
        }
        parser.skipChildren();
        if (parser.nextToken() != null) {
          throw syntaxError(
              source,
              substitution,
              parser.currentTokenLocation(),
              "Unexpected content after the JSON value: expected end-of-input");
        }
      } catch (JsonProcessingException e) {
        // Some errors carry no location, such as nesting deeper than Jackson's limit of 1,000:
        // the parser still knows where it stopped.
        JsonLocation location =
            e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw syntaxError(source, substitution, location, e.getOriginalMessage());
      }
    } catch (IOException e) {
      throw new LambdaConfigurationException(source + ": cannot read: " + reason(e), e);
    }
    return substitution.result();
  }

  private static LambdaConfigurationException syntaxError(
      String source, Substitution substitution, JsonLocation location, String problem) {
    Matcher embedded = EMBEDDED_LOCATION.matcher(problem);
    StringBuilder message = new StringBuilder();
    while (embedded.find()) {
      embedded.appendReplacement(
          message,
          Matcher.quoteReplacement(
              substitution.position(
                  Integer.parseInt(embedded.group(1)), Integer.parseInt(embedded.group(2)))));
    }
    embedded.appendTail(message);
    return new LambdaConfigurationException(
        source
            + ": "
            + substitution.position(location.getLineNr(), location.getColumnNr())
            + ": "
            + message);
  }
}
