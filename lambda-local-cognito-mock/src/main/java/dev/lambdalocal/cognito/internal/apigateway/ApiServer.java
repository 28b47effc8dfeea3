package dev.lambdalocal.cognito.internal.apigateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WireMock server of one API: loopback only, no admin API, no stub files, one catch-all stub
 * answered by {@link ApiTransformer}, and the threads that wait for the functions.
 */
public final class ApiServer implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final WireMockServer server;
  private final ExecutorService invokers;

  /**
   * Start a server on {@code port} (0 for a free one).
   *
   * @throws IllegalStateException naming the port when it cannot be bound
   */
  public ApiServer(int port, ApiSettings settings) {
    invokers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(task, "lambda-local-api-gateway-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server =
        new WireMockServer(
            options()
                .bindAddress(LOOPBACK)
                .port(port)
                .http2PlainDisabled(true)
                .gzipDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .disableRequestJournal()
                .stubCorsEnabled(false)
                .mappingSource(new NoMappings())
                .adminAuthenticator(request -> false)
                .notifier(new ConsoleNotifier(false))
                .extensions(new ApiTransformer(settings, invokers)));
    try {
      server.start();
    } catch (RuntimeException e) {
      invokers.shutdownNow();
      throw new IllegalStateException(
          "Cannot start the API Gateway mock on " + LOOPBACK + ":" + port + ": " + e.getMessage(),
          e);
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(ApiTransformer.NAME)));
  }

  /** The root URI, {@code http://127.0.0.1:<port>/}. */
  public URI endpoint() {
    return URI.create("http://" + LOOPBACK + ":" + server.port() + "/");
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      // Interrupts callers still waiting for a function past its integration timeout.
      invokers.shutdownNow();
    }
  }

  /** Keep WireMock from loading or saving stub files of the user's project. */
  private static final class NoMappings implements MappingsSource {

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    // Required by the interface although WireMock deprecated it.
    @SuppressWarnings("removal")
    @Override
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }
}
