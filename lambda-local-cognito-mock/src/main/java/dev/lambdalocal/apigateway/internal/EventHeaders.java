package dev.lambdalocal.apigateway.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers an event carries: the client's, with the names as it sent them, less what API Gateway
 * drops, plus what API Gateway adds.
 *
 * <p>Checked against live events published with hotsock/voker (vokerhttp/testdata, captured from
 * CloudWatch in us-west-2, July 2026: a REST API and an HTTP API behind Lambda proxy integrations):
 *
 * <ul>
 *   <li>both carry {@code X-Forwarded-For} (the client's address), {@code X-Forwarded-Port: 443},
 *       {@code X-Forwarded-Proto: https} and {@code X-Amzn-Trace-Id: Root=1-<8 hex>-<24 hex>}, in
 *       {@code headers} and {@code multiValueHeaders} alike; the HTTP API lower-cases them with
 *       every other name;
 *   <li>the REST event has no {@code Content-Length} although the request had a body; the HTTP API
 *       event keeps {@code content-length};
 *   <li>REST names arrive as the client sent them ({@code accept}, {@code content-type} in lower
 *       case next to {@code User-Agent}).
 * </ul>
 *
 * <p>REST methods with {@code AWS_IAM} authorization: API Gateway consumes the SigV4 {@code
 * Authorization} header and does not pass it on, while {@code X-Amz-Date} and {@code
 * X-Amz-Security-Token} reach the function (issue 11, item 6).
 */
final class EventHeaders {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What API Gateway answers on: only HTTPS, on port 443. */
  static final String FORWARDED_PORT = "443";

  static final String FORWARDED_PROTO = "https";

  private EventHeaders() {}

  /** Return the REST event's headers, names as sent, each with all its values in order. */
  static Map<String, List<String>> rest(IncomingRequest request, boolean iam) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("Content-Length")
                  || (iam && name.equalsIgnoreCase("Authorization"))) {
                return;
              }
              headers.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
            });
    addForwarded(headers, request, "X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto");
    addTrace(headers, request, "X-Amzn-Trace-Id");
    return headers;
  }

  /** Return the HTTP API event's headers: lower-case names, all values of a name in order. */
  static Map<String, List<String>> http(IncomingRequest request) {
    Map<String, List<String>> headers = request.lowerCaseHeaders();
    addForwarded(headers, request, "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto");
    addTrace(headers, request, "x-amzn-trace-id");
    return headers;
  }

  /**
   * A proxy appends the address it received the request from to a client's {@code X-Forwarded-For};
   * port and protocol are API Gateway's own and replace whatever was sent.
   */
  private static void addForwarded(
      Map<String, List<String>> headers,
      IncomingRequest request,
      String forName,
      String portName,
      String protoName) {
    String sent = removeIgnoreCase(headers, forName);
    headers.put(
        forName, List.of(sent == null ? request.sourceIp() : sent + ", " + request.sourceIp()));
    removeIgnoreCase(headers, portName);
    headers.put(portName, List.of(FORWARDED_PORT));
    removeIgnoreCase(headers, protoName);
    headers.put(protoName, List.of(FORWARDED_PROTO));
  }

  /** Keep a client's trace header, as X-Ray does; otherwise start a trace. */
  private static void addTrace(
      Map<String, List<String>> headers, IncomingRequest request, String name) {
    String sent = removeIgnoreCase(headers, name);
    headers.put(name, List.of(sent != null ? sent : traceId(request.received())));
  }

  /** Return an X-Ray trace id: {@code Root=1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>}. */
  static String traceId(Instant time) {
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    return String.format("Root=1-%08x-%s", time.getEpochSecond(), HexFormat.of().formatHex(random));
  }

  /** Remove every header called {@code name} in any case; return the last value, or null. */
  private static String removeIgnoreCase(Map<String, List<String>> headers, String name) {
    String last = null;
    for (var it = headers.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, List<String>> entry = it.next();
      if (entry.getKey().equalsIgnoreCase(name)) {
        if (!entry.getValue().isEmpty()) {
          last = String.join(", ", entry.getValue());
        }
        it.remove();
      }
    }
    return last;
  }
}
