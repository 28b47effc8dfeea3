package dev.lambdalocal.apigateway.internal.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.ApiType;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.internal.RouteTable;
import dev.lambdalocal.apigateway.internal.mapping.Integration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Swagger 2.0 or OpenAPI 3 tree into routes, as API Gateway's import does: one route per
 * operation, {@code x-amazon-apigateway-any-method} as {@code ANY}; {@code basePath} and {@code
 * servers} are ignored (the import's default, {@code basepath=ignore}).
 */
final class DefinitionParser {

  private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
  private static final Set<String> OPERATIONS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch");
  private static final Set<String> PATH_ITEM_FIELDS =
      Set.of("summary", "description", "servers", "parameters");

  private final String source;
  private final ApiType type;
  private final JsonNode root;
  private final Map<String, String> placeholders;

  DefinitionParser(String source, ApiType type, JsonNode root, Map<String, String> placeholders) {
    this.source = source;
    this.type = type;
    this.root = root;
    this.placeholders = placeholders;
  }

  ApiDefinition parse() {
    boolean openApi3 = openApi3();
    SecuritySchemes security = SecuritySchemes.of(root, openApi3);
    JsonNode paths = root.get("paths");
    if (paths == null || !paths.isObject()) {
      throw new IllegalArgumentException(source + ": has no paths object");
    }
    List<DefinedRoute> routes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (!path.getKey().startsWith("x-")) {
        addRoutes(path.getKey(), path.getValue(), security, routes);
      }
    }
    return new ApiDefinition(source, List.copyOf(routes), binaryMediaTypes());
  }

  private boolean openApi3() {
    JsonNode swagger = root.get("swagger");
    if (swagger != null && swagger.asText().equals("2.0")) {
      return false;
    }
    JsonNode openApi = root.get("openapi");
    if (openApi != null && openApi.isTextual() && openApi.textValue().startsWith("3.")) {
      return true;
    }
    throw new IllegalArgumentException(
        source
            + ": not a Swagger 2.0 or OpenAPI 3 document: expected swagger: \"2.0\" or"
            + " openapi: \"3.x.y\" at the top level");
  }

  private void addRoutes(
      String path, JsonNode item, SecuritySchemes security, List<DefinedRoute> routes) {
    try {
      RouteTable.validateTemplate(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": paths: " + e.getMessage(), e);
    }
    if (!item.isObject()) {
      throw new IllegalArgumentException(source + ": " + path + ": is not a path item object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      String method;
      if (OPERATIONS.contains(key)) {
        method = key.toUpperCase(Locale.ROOT);
      } else if (key.equals(ANY_METHOD)) {
        method = "ANY";
      } else if (key.startsWith("x-") || PATH_ITEM_FIELDS.contains(key)) {
        continue;
      } else {
        throw new IllegalArgumentException(
            source
                + ": "
                + path
                + ": '"
                + key
                + "' is not supported in a path item ("
                + hint(key)
                + ")");
      }
      routes.add(route(method, path, field.getValue(), security));
    }
  }

  private DefinedRoute route(
      String method, String path, JsonNode operation, SecuritySchemes security) {
    try {
      if (!operation.isObject()) {
        throw new InvalidDefinition("the operation is not an object");
      }
      if (operation.path("isDefaultRoute").asBoolean(false)) {
        throw new InvalidDefinition("isDefaultRoute ($default route) is not emulated");
      }
      JsonNode node = Placeholders.resolve(operation.get(Integrations.EXTENSION), placeholders);
      String integrationType = Integrations.type(node);
      Integration.Type nonProxy = Integration.Type.of(integrationType);
      Authorization authorization = security.authorization(operation);
      if (integrationType.equals("aws_proxy") || nonProxy == null || type == ApiType.HTTP) {
        String function = Integrations.functionName(node, type);
        return new DefinedRoute(method, path, function, authorization, null);
      }
      Integration integration = IntegrationReader.read(node, nonProxy, method + " " + path);
      return new DefinedRoute(method, path, integration.functionName(), authorization, integration);
    } catch (InvalidDefinition e) {
      throw new IllegalArgumentException(
          source + ": " + method + " " + path + ": " + e.getMessage(), e);
    }
  }

  private List<String> binaryMediaTypes() {
    JsonNode types = root.get("x-amazon-apigateway-binary-media-types");
    List<String> result = new ArrayList<>();
    if (types != null && types.isArray()) {
      types.forEach(mediaType -> result.add(mediaType.asText()));
    }
    return List.copyOf(result);
  }

  private static String hint(String key) {
    if (key.equals("$ref")) {
      return "write the operations in the path item";
    }
    if (key.equals("trace")) {
      return "API Gateway has no TRACE method";
    }
    return "operations are get, put, post, delete, options, head, patch and "
        + ANY_METHOD
        + ", in lower case";
  }
}
