package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.internal.mapping.Integration;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The check that keeps HTTP integrations on this machine, made when an API starts. */
public final class HttpIntegrationHosts {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private HttpIntegrationHosts() {}

  /**
   * Check that every {@code http} integration's host is mapped to a local endpoint or is loopback.
   *
   * @throws IllegalArgumentException naming the operation and the host
   */
  public static void check(List<ApiRoute> routes, Map<String, URI> hosts) {
    for (ApiRoute route : routes) {
      Integration integration = route.integration();
      if (integration == null || integration.uri() == null) {
        continue;
      }
      String host = integration.uri().getHost().toLowerCase(Locale.ROOT);
      if (!hosts.containsKey(host) && !LOOPBACK.contains(host)) {
        throw new IllegalArgumentException(
            integration.operation()
                + ": the "
                + integration.type().name().toLowerCase(Locale.ROOT)
                + " integration's host "
                + host
                + " is not mapped to a local endpoint, and ApiGatewayMock never calls out of this"
                + " machine: map it (ApiGatewayMock.Builder.integrationHost(\""
                + host
                + "\", URI), @WithApiGateway(integrationHosts = @IntegrationHost(host = \""
                + host
                + "\", port = …)), serve --integration-host "
                + host
                + "=http://127.0.0.1:<port>)");
      }
    }
  }

  /**
   * Check that {@code endpoint}, where {@code host} is to be sent, is an http(s) URI on loopback.
   *
   * @throws IllegalArgumentException naming the host and the endpoint
   */
  public static void checkEndpoint(String host, URI endpoint) {
    if (host == null || host.isBlank() || endpoint == null) {
      throw new IllegalArgumentException("integration host and endpoint are required");
    }
    String target = endpoint.getHost();
    if (endpoint.getScheme() == null
        || !endpoint.getScheme().matches("(?i)https?")
        || target == null
        || !LOOPBACK.contains(target.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "integration host "
              + host
              + ": "
              + endpoint
              + " is not an http(s) endpoint on loopback (127.0.0.1, localhost, [::1])");
    }
  }
}
