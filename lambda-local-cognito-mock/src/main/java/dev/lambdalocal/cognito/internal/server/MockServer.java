package dev.lambdalocal.cognito.internal.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.server.LoopbackServers;
import dev.lambdalocal.cognito.internal.service.CognitoIdentityService;
import dev.lambdalocal.cognito.internal.token.TokenIssuer;
import java.net.URI;

/**
 * The WireMock server of one mock: bound to loopback, no admin API, no stub files read from disk,
 * one stub per path: the JWKS and OpenID configuration, and Cognito Identity for everything else.
 */
public final class MockServer implements AutoCloseable {

  /** Where the JWKS is served, as on {@code cognito-identity.amazonaws.com}. */
  public static final String JWKS_PATH = "/.well-known/jwks_uri";

  /** Where the OpenID configuration is served, as on {@code cognito-identity.amazonaws.com}. */
  public static final String OPENID_CONFIGURATION_PATH = "/.well-known/openid-configuration";

  private final WireMockServer server;

  /**
   * Start a server on {@code port} (0 for a free one) answering with {@code service}.
   *
   * @throws IllegalStateException naming the port when it cannot be bound
   */
  public MockServer(int port, CognitoIdentityService service) {
    WireMockConfiguration options =
        LoopbackServers.options(port).extensions(new CognitoTransformer(service));
    server = new WireMockServer(options);
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot start the Cognito mock on "
              + LoopbackServers.LOOPBACK
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    URI endpoint = endpoint();
    server.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(aResponse().withTransformers(CognitoTransformer.NAME)));
    server.stubFor(
        get(urlPathEqualTo(JWKS_PATH))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(service.jwks())));
    server.stubFor(
        get(urlPathEqualTo(OPENID_CONFIGURATION_PATH))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(openIdConfiguration(endpoint))));
  }

  /** The base URI, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://" + LoopbackServers.LOOPBACK + ":" + server.port());
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** The discovery document, as Cognito's own but pointing to this server's JWKS. */
  private static String openIdConfiguration(URI endpoint) {
    ObjectNode node =
        Json.object()
            .put("issuer", TokenIssuer.ISSUER)
            .put("jwks_uri", endpoint + JWKS_PATH)
            .put("authorization_endpoint", endpoint.toString());
    node.putArray("response_types_supported").add("code");
    node.putArray("subject_types_supported").add("public");
    node.putArray("id_token_signing_alg_values_supported").add("RS512");
    node.putArray("claims_supported")
        .add("sub")
        .add("aud")
        .add("amr")
        .add("iss")
        .add("exp")
        .add("iat");
    return Json.write(node);
  }
}
