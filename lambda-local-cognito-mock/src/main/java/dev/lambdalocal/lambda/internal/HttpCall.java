package dev.lambdalocal.lambda.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to the Lambda API, as it arrived: what a server (WireMock here, the offline
 * account's single endpoint elsewhere) hands to {@link LambdaEndpoint#handle(HttpCall)}.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string without {@code ?}, still percent-encoded; empty when none
 * @param headers the headers, names as sent, each with all its values
 * @param body the body bytes; empty when there is none
 */
public record HttpCall(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  /** Create a request; null query, headers and body count as empty. */
  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    rawQuery = rawQuery == null ? "" : rawQuery;
    headers =
        headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body;
  }

  /** Return the first value of a header, its name compared without case. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return Optional.of(entry.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** Return the decoded value of a query parameter, or empty. */
  public Optional<String> query(String name) {
    if (rawQuery.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (key.equals(name)) {
        return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    return Optional.empty();
  }

  /** Return the HTTP method in upper case. */
  String verb() {
    return method.toUpperCase(Locale.ROOT);
  }

  static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
