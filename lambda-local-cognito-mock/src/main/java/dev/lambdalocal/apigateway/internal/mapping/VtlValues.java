package dev.lambdalocal.apigateway.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON as a template sees it: what {@code $input.path(x)} and {@code $util.parseJson(x)} return.
 * Objects are maps (Velocity reads {@code $elem.field}; printed as Java prints a map, {@code {a=1,
 * b=x}}), arrays are lists printed as JSON, as Jayway JsonPath's default JSON provider gives them
 * to API Gateway's templates.
 */
final class VtlValues {

  private VtlValues() {}

  /** Return {@code node} as maps, lists, strings, numbers and booleans; null for JSON null. */
  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        map.put(field.getKey(), toJava(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      JsonList list = new JsonList(node);
      node.forEach(element -> list.add(toJava(element)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  /** A JSON array: a list that prints itself as the JSON it was read from. */
  static final class JsonList extends ArrayList<Object> {

    private static final long serialVersionUID = 1L;

    private final transient JsonNode source;

    JsonList(JsonNode source) {
      super(source.size());
      this.source = source;
    }

    @Override
    public String toString() {
      return Json.write(source);
    }

    @Override
    public boolean equals(Object other) {
      return super.equals(other);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }
}
