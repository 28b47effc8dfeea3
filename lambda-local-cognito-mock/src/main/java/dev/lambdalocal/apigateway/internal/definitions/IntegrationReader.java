package dev.lambdalocal.apigateway.internal.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.internal.mapping.Integration;
import dev.lambdalocal.apigateway.internal.mapping.Integration.PassthroughBehavior;
import dev.lambdalocal.apigateway.internal.mapping.Integration.Type;
import dev.lambdalocal.apigateway.internal.mapping.IntegrationResponse;
import dev.lambdalocal.apigateway.internal.mapping.MappingTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a non-proxy {@code x-amazon-apigateway-integration} ({@code aws} on a Lambda function,
 * {@code http}, {@code http_proxy}, {@code mock}) as API Gateway's import does, parsing every
 * mapping template once (AWS's extension reference:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html).
 */
final class IntegrationReader {

  private static final Pattern REQUEST_TARGET =
      Pattern.compile("integration\\.request\\.(path|querystring|header)\\.[^.]+");
  private static final Pattern RESPONSE_TARGET =
      Pattern.compile("method\\.response\\.header\\.[^.]+");

  private IntegrationReader() {}

  /**
   * Read {@code node}, an integration of type {@code type}, of the operation {@code operation}.
   *
   * @throws InvalidDefinition naming what cannot be emulated, with a template's content type, line
   *     and column when it does not parse
   */
  static Integration read(JsonNode node, Type type, String operation) {
    String functionName = null;
    URI uri = null;
    String httpMethod = text(node, "httpMethod");
    switch (type) {
      case AWS -> {
        JsonNode uriNode = node.get("uri");
        if (uriNode != null && uriNode.isTextual() && !uriNode.textValue().contains(":lambda:")) {
          throw new InvalidDefinition(
              "integration uri "
                  + uriNode.textValue()
                  + " is an AWS service integration, which ApiGatewayMock does not emulate:"
                  + " type aws runs Lambda functions only");
        }
        if (httpMethod == null || !httpMethod.equalsIgnoreCase("POST")) {
          throw new InvalidDefinition(
              "integration httpMethod must be POST to invoke a Lambda function, was " + httpMethod);
        }
        functionName = Integrations.functionNameInUri(uriNode, null);
      }
      case HTTP, HTTP_PROXY -> {
        uri = httpUri(text(node, "uri"));
        if (httpMethod == null) {
          throw new InvalidDefinition(
              "an " + type.name().toLowerCase(Locale.ROOT) + " integration needs an httpMethod");
        }
      }
      case MOCK -> {
        // no backend
      }
    }
    return new Integration(
        type,
        operation,
        functionName,
        uri,
        httpMethod == null ? null : httpMethod.toUpperCase(Locale.ROOT),
        templates(node.get("requestTemplates"), operation + ": request template "),
        passthrough(text(node, "passthroughBehavior")),
        parameters(node.get("requestParameters"), "requestParameters", REQUEST_TARGET),
        responses(node.get("responses"), operation));
  }

  private static URI httpUri(String text) {
    if (text == null) {
      throw new InvalidDefinition("integration has no uri (http://host/path or https://…)");
    }
    try {
      // Path variables ({id}) are kept percent-encoded until a request fills them in.
      URI uri = new URI(text.replace("{", "%7B").replace("}", "%7D"));
      if (uri.getHost() == null
          || !(uri.getScheme().equalsIgnoreCase("http")
              || uri.getScheme().equalsIgnoreCase("https"))) {
        throw new InvalidDefinition("integration uri " + text + " is not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidDefinition("integration uri " + text + " is not a URL: " + e.getMessage());
    }
  }

  private static PassthroughBehavior passthrough(String text) {
    if (text == null) {
      return PassthroughBehavior.WHEN_NO_MATCH;
    }
    for (PassthroughBehavior behavior : PassthroughBehavior.values()) {
      if (behavior.name().equalsIgnoreCase(text.replace(' ', '_'))) {
        return behavior;
      }
    }
    throw new InvalidDefinition(
        "passthroughBehavior '" + text + "' is not one of when_no_match, when_no_templates, never");
  }

  private static Map<String, MappingTemplate> templates(JsonNode node, String name) {
    Map<String, MappingTemplate> templates = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return templates;
    }
    if (!node.isObject()) {
      throw new InvalidDefinition(name.strip() + "s must map content types to templates");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String contentType = entry.getKey().toLowerCase(Locale.ROOT);
      JsonNode value = entry.getValue();
      if (value == null || value.isNull() || value.asText().isEmpty()) {
        // An empty template passes the payload through, as API Gateway does.
        templates.put(contentType, null);
      } else if (!value.isTextual()) {
        throw new InvalidDefinition(
            name.substring(name.indexOf(": ") + 2) + contentType + " is not a string");
      } else {
        try {
          templates.put(contentType, MappingTemplate.parse(value.textValue(), name + contentType));
        } catch (IllegalArgumentException e) {
          // The parser adds the file and the operation.
          throw new InvalidDefinition(e.getMessage().substring(name.indexOf(": ") + 2));
        }
      }
    }
    return templates;
  }

  private static Map<String, String> parameters(JsonNode node, String field, Pattern targets) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return parameters;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!targets.matcher(entry.getKey()).matches()) {
        throw new InvalidDefinition(
            field
                + ": '"
                + entry.getKey()
                + "' is not a mapping target ("
                + targets.pattern()
                + ")");
      }
      parameters.put(entry.getKey(), entry.getValue().asText());
    }
    return parameters;
  }

  private static List<IntegrationResponse> responses(JsonNode node, String operation) {
    List<IntegrationResponse> responses = new ArrayList<>();
    if (node == null || node.isNull()) {
      return responses;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      JsonNode response = entry.getValue();
      Pattern pattern = null;
      if (!key.equals("default")) {
        try {
          pattern = Pattern.compile(key);
        } catch (PatternSyntaxException e) {
          throw new InvalidDefinition(
              "responses: '" + key + "' is not a regular expression: " + e.getDescription());
        }
      }
      String status = text(response, "statusCode");
      if (status == null || !status.matches("[1-5]\\d\\d")) {
        throw new InvalidDefinition("responses: '" + key + "' needs a statusCode, was " + status);
      }
      responses.add(
          new IntegrationResponse(
              pattern,
              Integer.parseInt(status),
              parameters(
                  response.get("responseParameters"),
                  "responses: '" + key + "': responseParameters",
                  RESPONSE_TARGET),
              templates(
                  response.get("responseTemplates"),
                  operation + ": response '" + key + "' template ")));
    }
    return responses;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }
}
