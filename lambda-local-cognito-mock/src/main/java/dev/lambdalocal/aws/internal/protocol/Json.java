package dev.lambdalocal.aws.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Jackson, configured once, for AWS JSON 1.1 bodies. */
public final class Json {

  /**
   * The shared mapper; thread-safe once configured. Its string limit admits a base64 {@code
   * ZipFile} of Lambda's 50 MB direct-upload maximum (about 70 M characters), beyond Jackson's
   * default of 20 M.
   */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxStringLength(100_000_000).build())
              .build());

  private Json() {}

  /** Return a new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Return {@code value} as a JSON string literal. */
  public static String quote(String value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Return {@code node} as compact JSON. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Put {@code instant} as AWS JSON 1.1 puts a timestamp: epoch seconds as a JSON number, which
   * Cognito writes the way Java prints a double ({@code 1.515115602E9}).
   */
  public static void putTimestamp(ObjectNode node, String field, Instant instant) {
    node.put(field, instant.toEpochMilli() / 1000.0);
  }

  /** Parse a request body; anything but a JSON object is AWS's {@code SerializationException}. */
  public static ObjectNode parseObject(byte[] body) {
    if (body == null || body.length == 0) {
      return object();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw AwsError.serialization();
    }
    if (node == null || node.isMissingNode()) {
      return object();
    }
    if (!node.isObject()) {
      throw AwsError.serialization();
    }
    return (ObjectNode) node;
  }
}
