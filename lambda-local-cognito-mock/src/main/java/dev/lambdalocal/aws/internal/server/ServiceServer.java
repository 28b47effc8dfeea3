package dev.lambdalocal.aws.internal.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.sigv4.RequestHeaders;
import java.net.URI;

/**
 * A loopback WireMock server whose every request goes through a {@link ServiceRouter}: the server
 * of each standalone offline service and of the offline account's single endpoint.
 */
public final class ServiceServer implements AutoCloseable {

  private static final String NAME = "lambda-local-service-router";

  private final WireMockServer server;

  /**
   * Start a server on {@code port} (0 for a free one).
   *
   * @param what what is started, for the error message, e.g. {@code the Secrets Manager mock}
   * @throws IllegalStateException naming the address when the port cannot be bound
   */
  public ServiceServer(int port, ServiceRouter router, String what) {
    server =
        new WireMockServer(LoopbackServers.options(port).extensions(new RouterTransformer(router)));
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot start "
              + what
              + " on "
              + LoopbackServers.LOOPBACK
              + ":"
              + port
              + ": "
              + e.getMessage()
              + (port != 0 ? " (is another process using the port? choose another or 0)" : ""),
          e);
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(NAME)));
  }

  /** Return {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://" + LoopbackServers.LOOPBACK + ":" + server.port());
  }

  /** Return the bound port. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Hands each request to the router. */
  private static final class RouterTransformer implements ResponseDefinitionTransformerV2 {

    private final ServiceRouter router;

    RouterTransformer(ServiceRouter router) {
      this.router = router;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Request request = serveEvent.getRequest();
      String url = request.getUrl();
      int question = url.indexOf('?');
      RequestHeaders.Builder headers = RequestHeaders.builder();
      for (HttpHeader header : request.getHeaders().all()) {
        for (String value : header.values()) {
          headers.add(header.key(), value);
        }
      }
      byte[] body = request.getBody();
      ServiceResponse response =
          router.route(
              new ServiceRequest(
                  request.getMethod().getName(),
                  question < 0 ? url : url.substring(0, question),
                  question < 0 ? "" : url.substring(question + 1),
                  headers.build(),
                  body == null ? new byte[0] : body,
                  null));
      ResponseDefinitionBuilder builder =
          ResponseDefinitionBuilder.responseDefinition().withStatus(response.status());
      response.headers().forEach(builder::withHeader);
      return builder.withBody(response.body()).build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
