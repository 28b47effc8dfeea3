package dev.lambdalocal.aws.internal.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpCompliance;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty server, made to answer a request it cannot even read (a broken percent-escape in
 * the query, a truncated or malformed body) with a 400 in AWS's JSON error shape instead of Jetty's
 * 500 page with a Java stack trace. Jetty's own error pages show no stack traces either.
 *
 * <p>The Jetty and servlet classes are WireMock's, relocated under {@code wiremock.} in
 * wiremock-standalone: users' own Jetty and servlet API (Spring Boot 3's Jetty 12, say) never meet
 * them.
 */
final class QuietJettyServerFactory implements HttpServerFactory {

  private static final byte[] BAD_REQUEST =
      "{\"message\":\"Bad Request\"}".getBytes(StandardCharsets.UTF_8);

  @Override
  public String getName() {
    return "lambda-local-quiet-jetty";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected void applyAdditionalServerConfiguration(Server server, Options options) {
        super.applyAdditionalServerConfiguration(server, options);
        keepHeaderNamesAsSent(server);
      }

      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        context.addFilter(
            new FilterHolder(new BadRequestFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        context.setErrorHandler(errors);
      }
    };
  }

  /**
   * Let header names reach the services as the client wrote them: Jetty otherwise rewrites the
   * names it knows to their usual case ({@code content-type} becomes {@code Content-Type}), while
   * API Gateway passes them on as sent.
   */
  private static void keepHeaderNamesAsSent(Server server) {
    for (Connector connector : server.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (http != null) {
        HttpConfiguration configuration = http.getHttpConfiguration();
        configuration.setHttpCompliance(
            configuration
                .getHttpCompliance()
                .with("AS_SENT", HttpCompliance.Violation.CASE_SENSITIVE_FIELD_NAME));
      }
    }
  }

  /** Turns a failure to read the request into AWS's shape of a 400. */
  private static final class BadRequestFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      try {
        chain.doFilter(request, response);
      } catch (RuntimeException | IOException | ServletException e) {
        if (response.isCommitted()) {
          throw e;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.reset();
        http.setStatus(400);
        http.setContentType("application/json");
        http.setHeader("x-amzn-ErrorType", "BadRequestException");
        http.setContentLength(BAD_REQUEST.length);
        http.getOutputStream().write(BAD_REQUEST);
      }
    }
  }
}
