package dev.lambdalocal.apigateway.internal;

import java.util.Optional;

/**
 * How an HTTP API reads a request path: it routes on, and passes as {@code rawPath} and {@code
 * requestContext.http.path}, the percent-decoded path, while REST APIs keep it encoded.
 *
 * <p>From live HTTP API captures (hotsock/voker, vokerhttp/testdata/ingress-paths.json, July 2026):
 * {@code /capture/space%20value} arrives as {@code /capture/space value}, {@code %2F} as a {@code
 * /}, {@code %23} as {@code #}; a decoded {@code ?} ends the path ({@code question%3Fvalue} arrives
 * as {@code /capture/question}); an escape is decoded twice ({@code %252F} arrives as {@code /},
 * {@code %2525} as {@code %}), and a path whose second decoding fails ({@code percent%25done}) is
 * refused with a 400.
 */
final class HttpApiPaths {

  private HttpApiPaths() {}

  /**
   * Return the path an HTTP API sees for {@code rawPath} as sent, or empty when it refuses it.
   *
   * @param rawPath the path as sent, percent-encoded
   */
  static Optional<String> decoded(String rawPath) {
    try {
      String once = IncomingRequest.decodePath(rawPath);
      int question = once.indexOf('?');
      if (question >= 0) {
        once = once.substring(0, question);
      }
      return Optional.of(IncomingRequest.decodePath(once));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
