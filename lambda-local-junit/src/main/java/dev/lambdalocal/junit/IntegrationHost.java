package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Send the requests of a {@link WithApiGateway @WithApiGateway} API's HTTP integrations whose
 * {@code uri} names {@code host} to a server on this machine — a WireMock stub of the test, say —
 * at {@code http://127.0.0.1:<port>}, path and query kept. The API never calls out of the machine:
 * an HTTP integration whose host is neither mapped nor loopback fails the class.
 *
 * <pre>{@code
 * @IntegrationHost(host = "orchestrator.example.com", port = 18089)
 * }</pre>
 *
 * <p>For a port chosen at run time, build the API in code with {@code
 * ApiGatewayMock.Builder.integrationHost(host, URI)}.
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IntegrationHost {

  /**
   * Return the host as the integrations' {@code uri} gives it.
   *
   * @return the host, e.g. {@code orchestrator.example.com}
   * @since 0.1.0
   */
  String host();

  /**
   * Return the loopback port that serves it.
   *
   * @return 1 to 65535
   * @since 0.1.0
   */
  int port();
}
