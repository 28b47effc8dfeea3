package dev.lambdalocal.apigateway.internal.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code %NAME%} placeholders in an operation's integration — what the 2015 importer's
 * users did with {@code sed} before importing — with the values the user defines.
 */
final class Placeholders {

  /** Upper-case letters, digits and underscores between percent signs: {@code %AWS_ACCOUNT%}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Z][A-Z0-9_]*)%");

  private Placeholders() {}

  /**
   * Return a copy of {@code node} with every placeholder in its strings replaced.
   *
   * @throws InvalidDefinition naming the first placeholder {@code values} does not define
   */
  static JsonNode resolve(JsonNode node, Map<String, String> values) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      return text.indexOf('%') < 0 ? node : TextNode.valueOf(replace(text, values));
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        copy.set(field.getKey(), resolve(field.getValue(), values));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(element -> copy.add(resolve(element, values)));
      return copy;
    }
    return node;
  }

  private static String replace(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new InvalidDefinition(
            "placeholder %"
                + matcher.group(1)
                + "% is not defined (define it: serve --define "
                + matcher.group(1)
                + "=…, @WithApiGateway(placeholders = @ApiPlaceholder(name = \""
                + matcher.group(1)
                + "\", value = …)) or ApiGatewayMock.Builder.define)");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
