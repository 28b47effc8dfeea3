package dev.lambdalocal.apigateway.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.ApiGatewayMock.Route;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events API Gateway's Lambda proxy integrations send: payload format 1.0 (REST API) and 2.0
 * (HTTP API), field for field as AWS's "input format" documentation shows them.
 */
final class ProxyEvents {

  static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ProxyEvents() {}

  /** Build a REST API (payload 1.0) event. */
  static ObjectNode rest(
      ApiSettings settings,
      IncomingRequest request,
      RouteTable.Match match,
      Object principal,
      Ids ids) {
    Route route = match.route();
    String stagePrefix = settings.stagePrefix();
    String path = request.rawPath().substring(stagePrefix.length());
    ObjectNode event = Json.object();
    event.put("resource", route.path());
    event.put("path", path.isEmpty() ? "/" : path);
    event.put("httpMethod", request.method());
    ObjectNode headers = event.putObject("headers");
    ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
    boolean iam = route.authorization() == Authorization.AWS_IAM;
    EventHeaders.rest(request, iam)
        .forEach(
            (name, values) -> {
              headers.put(name, values.get(values.size() - 1));
              var array = multiValueHeaders.putArray(name);
              values.forEach(array::add);
            });
    Map<String, List<String>> query = request.queryParameters();
    if (query.isEmpty()) {
      event.putNull("queryStringParameters");
      event.putNull("multiValueQueryStringParameters");
    } else {
      ObjectNode single = event.putObject("queryStringParameters");
      ObjectNode multi = event.putObject("multiValueQueryStringParameters");
      query.forEach(
          (name, values) -> {
            single.put(name, values.get(values.size() - 1));
            var array = multi.putArray(name);
            values.forEach(array::add);
          });
    }
    putPathParameters(event, match, true);
    event.putNull("stageVariables");
    ObjectNode context = event.putObject("requestContext");
    context.put("resourceId", Ids.stableId(route.method() + " " + route.path(), 6));
    context.put("resourcePath", route.path());
    context.put("httpMethod", request.method());
    context.put("extendedRequestId", ids.extendedRequestId());
    context.put("requestTime", REQUEST_TIME.format(request.received()));
    context.put("path", request.rawPath());
    context.put("accountId", settings.accountId());
    context.put("protocol", "HTTP/1.1");
    context.put("stage", settings.stage());
    context.put("domainPrefix", settings.apiId());
    context.put("requestTimeEpoch", request.received().toEpochMilli());
    context.put("requestId", ids.requestId());
    Callers.restIdentity(context.putObject("identity"), principal, request);
    context.put("domainName", settings.domainName());
    context.put("deploymentId", Ids.stableId(settings.apiId() + settings.stage(), 6));
    context.put("apiId", settings.apiId());
    boolean binary = settings.isRestBinary(request.header("Content-Type"));
    putBody(event, request.body(), binary, true);
    return event;
  }

  /** Build an HTTP API (payload 2.0) event. */
  static ObjectNode http(
      ApiSettings settings,
      IncomingRequest request,
      RouteTable.Match match,
      Object principal,
      Ids ids) {
    Route route = match.route();
    String routeKey = route.method() + " " + route.path();
    ObjectNode event = Json.object();
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    String path = HttpApiPaths.decoded(request.rawPath()).orElseThrow();
    event.put("rawPath", path);
    event.put("rawQueryString", request.rawQuery());
    Map<String, List<String>> headers = EventHeaders.http(request);
    List<String> cookies = headers.remove("cookie");
    if (cookies != null) {
      var array = event.putArray("cookies");
      for (String header : cookies) {
        for (String cookie : header.split(";")) {
          if (!cookie.isBlank()) {
            array.add(cookie.trim());
          }
        }
      }
    }
    ObjectNode headerNode = event.putObject("headers");
    headers.forEach((name, values) -> headerNode.put(name, String.join(",", values)));
    Map<String, List<String>> query = request.queryParameters();
    if (!query.isEmpty()) {
      ObjectNode node = event.putObject("queryStringParameters");
      query.forEach((name, values) -> node.put(name, String.join(",", values)));
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", settings.accountId());
    context.put("apiId", settings.apiId());
    if (principal != null) {
      Callers.httpIam(context.putObject("authorizer").putObject("iam"), principal);
    }
    context.put("domainName", settings.domainName());
    context.put("domainPrefix", settings.apiId());
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", path);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", request.sourceIp());
    http.put("userAgent", request.header("User-Agent"));
    context.put("requestId", ids.extendedRequestId());
    context.put("routeKey", routeKey);
    context.put("stage", settings.stage());
    context.put("time", REQUEST_TIME.format(request.received()));
    context.put("timeEpoch", request.received().toEpochMilli());
    putPathParameters(event, match, false);
    putBody(event, request.body(), !isText(request.header("Content-Type")), false);
    return event;
  }

  private static void putPathParameters(ObjectNode event, RouteTable.Match match, boolean rest) {
    if (match.pathParameters().isEmpty()) {
      if (rest) {
        event.putNull("pathParameters");
      }
      return;
    }
    ObjectNode node = event.putObject("pathParameters");
    match.pathParameters().forEach(node::put);
  }

  private static void putBody(ObjectNode event, byte[] body, boolean binary, boolean rest) {
    if (body.length == 0) {
      if (rest) {
        event.putNull("body");
      }
      event.put("isBase64Encoded", false);
      return;
    }
    event.put(
        "body",
        binary
            ? Base64.getEncoder().encodeToString(body)
            : new String(body, StandardCharsets.UTF_8));
    event.put("isBase64Encoded", binary);
  }

  /**
   * HTTP API passes a body as text only for {@code text/*}, {@code application/json}, {@code
   * application/xml} and {@code application/javascript}, and base64-encodes everything else, a
   * request without {@code Content-Type} and {@code application/x-www-form-urlencoded} included
   * (checked against a real HTTP API in ministackorg/ministack#766, June 2026).
   */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.equals("application/javascript")
        || type.equals("application/xml");
  }
}
