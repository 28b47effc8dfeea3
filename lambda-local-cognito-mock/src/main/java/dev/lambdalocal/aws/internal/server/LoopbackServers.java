package dev.lambdalocal.aws.internal.server;

import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/** The WireMock settings every server of this module shares: loopback only, nothing else. */
public final class LoopbackServers {

  /** The only address the servers listen on. */
  public static final String LOOPBACK = "127.0.0.1";

  /** The most threads a server's Jetty runs; idle ones end after a minute. */
  static final int CONTAINER_THREADS = 200;

  private LoopbackServers() {}

  /**
   * Return WireMock options for a server on {@code port} (0 for a free one) of {@link #LOOPBACK}:
   * HTTP/1.1 with fixed-length bodies as AWS answers, no request journal, no CORS stubs, no stub
   * files read from or written to the user's project, the admin API closed, WireMock quiet (it does
   * not even format each request for a log it would not print), and requests that cannot be read
   * answered with a 400, never a stack trace; a request body gets 10 s to arrive and up to 200
   * requests are read or answered at once, so that slow clients never stall the others.
   */
  public static WireMockConfiguration options(int port) {
    return WireMockConfiguration.options()
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
        .stubRequestLoggingDisabled(true)
        // A thread per request being read or answered (Jetty starts them as needed): with
        // WireMock's 25, twenty slow clients stalled every other request.
        .containerThreads(CONTAINER_THREADS)
        .httpServerFactory(new QuietJettyServerFactory());
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
