package dev.lambdalocal.apigateway.internal.definitions;

import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;

/**
 * A route read from a definition file, its function still a name.
 *
 * @param method the method in upper case, or {@code ANY}
 * @param path the path template
 * @param functionName the function named by the integration's {@code uri}
 * @param authorization the route's authorization type
 */
public record DefinedRoute(
    String method, String path, String functionName, Authorization authorization) {}
