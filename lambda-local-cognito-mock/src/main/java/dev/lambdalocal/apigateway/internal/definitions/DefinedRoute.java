package dev.lambdalocal.apigateway.internal.definitions;

import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.internal.mapping.Integration;

/**
 * A route read from a definition file, its function still a name.
 *
 * @param method the method in upper case, or {@code ANY}
 * @param path the path template
 * @param functionName the function named by the integration's {@code uri}; null for an {@code
 *     http}, {@code http_proxy} or {@code mock} integration
 * @param authorization the route's authorization type
 * @param integration the non-proxy integration; null for a Lambda proxy integration
 */
public record DefinedRoute(
    String method,
    String path,
    String functionName,
    Authorization authorization,
    Integration integration) {}
