package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.IamAuthorizer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as it reached the API, with the parts the events are built from.
 *
 * @param method the method as sent
 * @param rawPath the path as sent, still percent-encoded, stage included
 * @param rawQuery the query string as sent, without {@code ?}; empty when none
 * @param headers names as sent to all values, in the order received
 * @param body the body bytes
 * @param sourceIp the client's address
 * @param received when the request arrived
 */
record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp,
    Instant received) {

  /** Return the first value of a header, matched case-insensitively, or null. */
  String header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }

  /** Return the query parameters, decoded, each with all its values in order. */
  Map<String, List<String>> queryParameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** Return the headers with lower-case names, values of one name joined in arrival order. */
  Map<String, List<String>> lowerCaseHeaders() {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
    return lower;
  }

  /** Return the request as the IAM authorizer sees it. */
  IamAuthorizer.Request toAuthorizerRequest() {
    return new IamAuthorizer.Request(method, rawPath, rawQuery, headers, body);
  }

  /** Decode a path segment: percent-escapes only, a {@code +} stays a {@code +}. */
  static String decodePath(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String decodeQuery(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A malformed escape reaches the function as sent rather than failing the request.
      return text;
    }
  }
}
