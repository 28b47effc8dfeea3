package dev.lambdalocal.aws.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The members of a request, read with the JSON types the service model gives them. A member of the
 * wrong JSON type is AWS's {@code SerializationException}; a JSON {@code null} counts as absent.
 */
public final class Input {

  private final ObjectNode node;

  /** Read the members of {@code node}. */
  public Input(ObjectNode node) {
    this.node = node;
  }

  private JsonNode member(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** Return a string member, or null. */
  public String string(String name) {
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw AwsError.serialization();
    }
    return value.textValue();
  }

  /** Return a boolean member, or null. */
  public Boolean bool(String name) {
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw AwsError.serialization();
    }
    return value.booleanValue();
  }

  /** Return an integral member, or null. */
  public Long integer(String name) {
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw AwsError.serialization();
    }
    return value.longValue();
  }

  /** Return a string-to-string map member in its JSON order, or null. */
  public Map<String, String> stringMap(String name) {
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw AwsError.serialization();
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isTextual()) {
        throw AwsError.serialization();
      }
      map.put(entry.getKey(), entry.getValue().textValue());
    }
    return Collections.unmodifiableMap(map);
  }

  /** Return a list of strings, or null. */
  public List<String> stringList(String name) {
    return list(
        name,
        element -> {
          if (!element.isTextual()) {
            throw AwsError.serialization();
          }
          return element.textValue();
        });
  }

  /** Return a list of structures, each read by {@code reader}, or null. */
  public <T> List<T> structureList(String name, Function<Input, T> reader) {
    return list(
        name,
        element -> {
          if (!element.isObject()) {
            throw AwsError.serialization();
          }
          return reader.apply(new Input((ObjectNode) element));
        });
  }

  private <T> List<T> list(String name, Function<JsonNode, T> reader) {
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw AwsError.serialization();
    }
    List<T> list = new ArrayList<>();
    value.forEach(element -> list.add(reader.apply(element)));
    return Collections.unmodifiableList(list);
  }

  /** Return a structure member, or null. */
  public Input structure(String name) {
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw AwsError.serialization();
    }
    return new Input((ObjectNode) value);
  }
}
