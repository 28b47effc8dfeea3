package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.ApiGatewayMock.Route;
import dev.lambdalocal.apigateway.internal.mapping.Integration;
import dev.lambdalocal.core.LocalLambda;

/**
 * A route as the server runs it: a Lambda proxy integration ({@code integration == null}) or a
 * non-proxy one (Lambda with mapping templates, HTTP, HTTP proxy, mock).
 *
 * @param method the method in upper case, or {@code ANY}
 * @param path the path template
 * @param authorization the route's authorization type
 * @param function the function a proxy or {@code aws} integration invokes; null for the others
 * @param integration the non-proxy integration, or null for a Lambda proxy integration
 */
public record ApiRoute(
    String method,
    String path,
    Authorization authorization,
    LocalLambda function,
    Integration integration) {

  /** Return the route of a Lambda proxy integration. */
  public static ApiRoute proxy(Route route) {
    return new ApiRoute(
        route.method(), route.path(), route.authorization(), route.function(), null);
  }
}
