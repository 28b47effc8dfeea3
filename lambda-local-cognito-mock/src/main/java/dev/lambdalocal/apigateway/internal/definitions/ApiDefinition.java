package dev.lambdalocal.apigateway.internal.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.ApiType;
import dev.lambdalocal.apigateway.FunctionResolver;
import dev.lambdalocal.apigateway.internal.ApiRoute;
import dev.lambdalocal.apigateway.internal.RouteTable;
import dev.lambdalocal.core.LocalLambda;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes of a Swagger 2.0 or OpenAPI 3 definition file, read as API Gateway imports it.
 *
 * @param source the file, as named in error messages
 * @param routes the routes in the file's order
 * @param binaryMediaTypes the document's {@code x-amazon-apigateway-binary-media-types}
 */
public record ApiDefinition(
    String source, List<DefinedRoute> routes, List<String> binaryMediaTypes) {

  /**
   * Read {@code file} (YAML or JSON) for an API of {@code type}.
   *
   * @throws IllegalArgumentException naming the file — and the line and column of a syntax error,
   *     or the method and path of an operation that cannot be emulated
   */
  public static ApiDefinition read(Path file, ApiType type) {
    return read(file, type, Map.of());
  }

  /**
   * Read {@code file} (YAML or JSON) for an API of {@code type}, replacing the {@code %NAME%}
   * placeholders of its integrations with {@code placeholders}.
   *
   * @throws IllegalArgumentException as {@link #read(Path, ApiType)}, and naming a placeholder that
   *     {@code placeholders} does not define
   */
  public static ApiDefinition read(Path file, ApiType type, Map<String, String> placeholders) {
    JsonNode root = DefinitionFiles.read(file);
    return new DefinitionParser(file.toString(), type, root, placeholders).parse();
  }

  /**
   * Give each route its function.
   *
   * @throws IllegalArgumentException naming the file and every function {@code functions} does not
   *     provide, or two routes of the file that API Gateway would take for one
   */
  public List<ApiRoute> bind(FunctionResolver functions) {
    Map<String, LocalLambda> found = new LinkedHashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    for (DefinedRoute route : routes) {
      String name = route.functionName();
      if (name != null && !found.containsKey(name) && !missing.contains(name)) {
        Optional<LocalLambda> function = functions.function(name);
        if (function == null || function.isEmpty()) {
          missing.add(name);
        } else {
          found.put(name, function.get());
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": functions named in the file but not provided: " + String.join(", ", missing));
    }
    List<ApiRoute> bound = new ArrayList<>();
    for (DefinedRoute route : routes) {
      bound.add(
          new ApiRoute(
              route.method(),
              route.path(),
              route.authorization(),
              route.functionName() == null ? null : found.get(route.functionName()),
              route.integration()));
    }
    try {
      new RouteTable(bound);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    return List.copyOf(bound);
  }
}
