package dev.lambdalocal.benchmarks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;

/** The plain WireMock server the mocks are compared with. */
final class LoopbackStubServer {

  private LoopbackStubServer() {}

  /**
   * Start a WireMock server on loopback with the options of the mocks' servers that act on each
   * request (no request journal, no gzip, no chunked responses, no HTTP/2, quiet, no request
   * logging), so that a comparison measures the mocks' own work.
   */
  static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .gzipDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .disableRequestJournal()
                .stubCorsEnabled(false)
                .notifier(new ConsoleNotifier(false))
                .stubRequestLoggingDisabled(true));
    server.start();
    return server;
  }
}
