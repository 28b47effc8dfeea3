package dev.lambdalocal.apigateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.apigateway.internal.mapping.InputVariable;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as a non-proxy integration's mappings see it: its parameters, its payload and {@code
 * $context}; and the sources of {@code requestParameters} ({@code method.request.path.id}, {@code
 * 'literal'}, {@code context.requestId}, …) resolved against it.
 */
final class MethodRequest {

  final IncomingRequest request;
  final Map<String, String> path;
  final Map<String, String> querystring;
  final Map<String, String> header;
  final String body;
  final ObjectNode context;

  MethodRequest(
      ApiSettings settings,
      IncomingRequest request,
      RouteTable.Match match,
      Object principal,
      Ids ids) {
    this.request = request;
    this.path = match.pathParameters();
    this.querystring = new LinkedHashMap<>();
    request.queryParameters().forEach((name, values) -> querystring.put(name, last(values)));
    this.header = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> header.put(name, last(values)));
    this.body = new String(request.body(), StandardCharsets.UTF_8);
    this.context = context(settings, request, match.route(), principal, ids);
  }

  /** Return {@code $input} over {@code payload} with this request's parameters. */
  InputVariable input(String payload) {
    return new InputVariable(payload, path, querystring, header);
  }

  /**
   * Return the value of a mapping source, or null when the request has none: {@code
   * method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.NAME}, {@code
   * method.request.body[.JSONPath]}, {@code context.a.b}, {@code stageVariables.NAME} or a quoted
   * literal.
   */
  String source(String expression) {
    String source = expression.strip();
    if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
      return source.substring(1, source.length() - 1);
    }
    if (source.startsWith("method.request.path.")) {
      return path.get(source.substring("method.request.path.".length()));
    }
    if (source.startsWith("method.request.querystring.")) {
      return querystring.get(source.substring("method.request.querystring.".length()));
    }
    if (source.startsWith("method.request.header.")) {
      return request.header(source.substring("method.request.header.".length()));
    }
    if (source.startsWith("method.request.multivaluequerystring.")) {
      List<String> values =
          request
              .queryParameters()
              .get(source.substring("method.request.multivaluequerystring.".length()));
      return values == null ? null : String.join(",", values);
    }
    if (source.startsWith("method.request.multivalueheader.")) {
      String name = source.substring("method.request.multivalueheader.".length());
      List<String> values = request.lowerCaseHeaders().get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }
    if (source.equals("method.request.body")) {
      return body;
    }
    if (source.startsWith("method.request.body.")) {
      return input(body).json("$." + source.substring("method.request.body.".length()));
    }
    if (source.startsWith("context.")) {
      JsonNode node = context;
      for (String part : source.substring("context.".length()).split("\\.")) {
        node = node.path(part);
      }
      return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
    return null;
  }

  private static ObjectNode context(
      ApiSettings settings, IncomingRequest request, ApiRoute route, Object principal, Ids ids) {
    // The $context variables of AWS's reference, with the values the proxy event's
    // requestContext carries.
    ObjectNode context = Json.object();
    context.put("accountId", settings.accountId());
    context.put("apiId", settings.apiId());
    context.putObject("authorizer").putNull("principalId");
    context.put("domainName", settings.domainName());
    context.put("domainPrefix", settings.apiId());
    context.put("extendedRequestId", ids.extendedRequestId());
    context.put("httpMethod", request.method());
    Callers.restIdentity(context.putObject("identity"), principal, request);
    context.put("path", request.rawPath());
    context.put("protocol", "HTTP/1.1");
    context.put("requestId", ids.requestId());
    context.put("requestTime", ProxyEvents.REQUEST_TIME.format(request.received()));
    context.put("requestTimeEpoch", request.received().toEpochMilli());
    context.put("resourceId", Ids.stableId(route.method() + " " + route.path(), 6));
    context.put("resourcePath", route.path());
    context.put("stage", settings.stage());
    return context;
  }

  private static String last(List<String> values) {
    return values.isEmpty() ? "" : values.get(values.size() - 1);
  }
}
