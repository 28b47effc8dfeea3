package dev.lambdalocal.lambda.internal;

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
import dev.lambdalocal.aws.internal.server.LoopbackServers;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The loopback WireMock server of one offline Lambda service: one stub, every request handled. */
public final class LambdaServer implements AutoCloseable {

  private static final String TRANSFORMER = "lambda-local-lambda";

  private final WireMockServer server;

  /**
   * Start a server on {@code port} (0 for a free one) answering with {@code handler}, which is
   * given once the server is bound (the handler needs the server's endpoint).
   *
   * @throws IllegalStateException naming the port when it cannot be bound
   */
  public LambdaServer(int port, Function<URI, LambdaEndpoint> handler) {
    Transformer transformer = new Transformer();
    server = new WireMockServer(LoopbackServers.options(port).extensions(transformer));
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot start the Lambda service on "
              + LoopbackServers.LOOPBACK
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    transformer.endpoint = handler.apply(endpoint());
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(TRANSFORMER)));
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

  /** Turn a WireMock request into an {@link HttpCall} and the answer into WireMock's. */
  static HttpCall call(Request request) {
    String url = request.getUrl();
    int question = url.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.computeIfAbsent(header.key(), key -> new ArrayList<>()).addAll(header.values());
    }
    return new HttpCall(
        request.getMethod().getName(),
        question < 0 ? url : url.substring(0, question),
        question < 0 ? "" : url.substring(question + 1),
        headers,
        request.getBody());
  }

  private static final class Transformer implements ResponseDefinitionTransformerV2 {

    volatile LambdaEndpoint endpoint;

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      ServiceResponse response = endpoint.handle(call(serveEvent.getRequest()));
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
      return TRANSFORMER;
    }
  }
}
