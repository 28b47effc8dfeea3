package dev.lambdalocal.apigateway.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdalocal.aws.internal.server.LoopbackServers;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WireMock server of one API: loopback only, no admin API, no stub files, one catch-all stub
 * answered by {@link ApiTransformer}, and the threads that wait for the functions.
 */
public final class ApiServer implements AutoCloseable {

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
            LoopbackServers.options(port).extensions(new ApiTransformer(settings, invokers)));
    try {
      server.start();
    } catch (RuntimeException e) {
      invokers.shutdownNow();
      throw new IllegalStateException(
          "Cannot start the API Gateway mock on "
              + LoopbackServers.LOOPBACK
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(ApiTransformer.NAME)));
  }

  /** The root URI, {@code http://127.0.0.1:<port>/}. */
  public URI endpoint() {
    return URI.create("http://" + LoopbackServers.LOOPBACK + ":" + server.port() + "/");
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
}
