package dev.lambdalocal.apigateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.internal.mapping.Integration;
import dev.lambdalocal.apigateway.internal.mapping.Integration.PassthroughBehavior;
import dev.lambdalocal.apigateway.internal.mapping.Integration.Type;
import dev.lambdalocal.apigateway.internal.mapping.IntegrationResponse;
import dev.lambdalocal.apigateway.internal.mapping.MappingTemplate;
import dev.lambdalocal.apigateway.internal.mapping.TemplateVariables;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a non-proxy integration as API Gateway's REST APIs do
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-data-transformations.html):
 * the request template chosen by content type (or the payload passed through, as {@code
 * passthroughBehavior} allows), the backend called, the integration response chosen by selection
 * pattern — a Lambda error's {@code errorMessage} or an HTTP status code, matched whole — and its
 * template and header mappings applied.
 */
final class NonProxyIntegrations {

  private static final System.Logger LOGGER =
      System.getLogger("dev.lambdalocal.apigateway.ApiGatewayMock");

  /** Invokes a function within API Gateway's integration timeout; null when it is over. */
  interface Invoker {
    InvocationResult invoke(LocalLambda function, String json);
  }

  private final ApiSettings settings;
  private final Invoker invoker;
  private final HttpIntegrations http;

  NonProxyIntegrations(ApiSettings settings, Invoker invoker) {
    this.settings = settings;
    this.invoker = invoker;
    this.http = new HttpIntegrations(settings.integrationHosts(), settings.integrationTimeout());
  }

  GatewayResponse handle(
      IncomingRequest incoming, RouteTable.Match match, Object principal, Ids ids) {
    ApiRoute route = match.route();
    Integration integration = route.integration();
    MethodRequest request = new MethodRequest(settings, incoming, match, principal, ids);
    if (integration.type() == Type.HTTP_PROXY) {
      return httpProxy(integration, request);
    }
    String contentType = mediaType(incoming.header("Content-Type"), "application/json");
    Map<String, MappingTemplate> templates = integration.requestTemplates();
    String payload;
    if (templates.containsKey(contentType)) {
      MappingTemplate template = templates.get(contentType);
      if (template == null) {
        payload = request.body;
      } else {
        try {
          payload = render(template, request, request.body);
        } catch (MappingTemplate.RenderException e) {
          return configurationError(integration, "Unable to transform request", e);
        }
      }
    } else if (integration.passthroughBehavior() == PassthroughBehavior.NEVER
        || (integration.passthroughBehavior() == PassthroughBehavior.WHEN_NO_TEMPLATES
            && !templates.isEmpty())) {
      return GatewayResponse.unsupportedMediaType();
    } else {
      payload = request.body;
    }
    Endpoint endpoint;
    switch (integration.type()) {
      case AWS -> {
        InvocationResult result =
            invoker.invoke(route.function(), payload.isBlank() ? "{}" : payload);
        if (result == null) {
          return GatewayResponse.integrationTimeout(settings.type());
        }
        endpoint =
            new Endpoint(
                result.payloadAsString(),
                Map.of(),
                result.isError()
                    ? result.error().map(error -> error.errorMessage()).orElse("")
                    : null,
                200);
      }
      case MOCK -> {
        int status = mockStatus(payload);
        endpoint = new Endpoint("", Map.of(), String.valueOf(status), status);
      }
      default -> {
        Sent sent = send(integration, () -> call(integration, request, contentType, payload));
        if (sent.failure() != null) {
          return sent.failure();
        }
        HttpIntegrations.Answer answer = sent.answer();
        endpoint =
            new Endpoint(
                new String(answer.body(), StandardCharsets.UTF_8),
                answer.headers(),
                String.valueOf(answer.status()),
                answer.status());
      }
    }
    return respond(integration, request, endpoint);
  }

  /** What the backend answered: its payload, headers, selection value and status. */
  private record Endpoint(
      String body, Map<String, List<String>> headers, String selectionValue, int status) {}

  private GatewayResponse respond(
      Integration integration, MethodRequest request, Endpoint endpoint) {
    IntegrationResponse response =
        IntegrationResponse.select(integration.responses(), endpoint.selectionValue());
    if (response == null) {
      return configurationError(
          integration,
          "No match for output mapping and no default output mapping configured. Endpoint"
              + " Response Status Code: "
              + endpoint.status(),
          null);
    }
    Map<String, MappingTemplate> templates = response.responseTemplates();
    String contentType = "application/json";
    String body = endpoint.body();
    if (!templates.isEmpty()) {
      contentType = responseContentType(templates, request.request.header("Accept"));
      MappingTemplate template = templates.get(contentType);
      if (template != null) {
        try {
          body = render(template, request, endpoint.body());
        } catch (MappingTemplate.RenderException e) {
          return configurationError(integration, "Unable to transform response", e);
        }
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    response
        .responseParameters()
        .forEach(
            (target, source) -> {
              String value = responseSource(source, endpoint, request);
              if (value != null) {
                headers.put(target.substring("method.response.header.".length()), List.of(value));
              }
            });
    return new GatewayResponse(
        response.statusCode(), headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private String render(MappingTemplate template, MethodRequest request, String payload) {
    return template.render(TemplateVariables.of(request.input(payload), request.context, Map.of()));
  }

  private GatewayResponse configurationError(
      Integration integration, String problem, RuntimeException cause) {
    // API Gateway's execution log line, with what lambda-local knows of the cause.
    LOGGER.log(
        Level.WARNING,
        "{0}: Execution failed due to configuration error: {1}{2}",
        integration.operation(),
        problem,
        cause == null ? "" : " (" + cause.getMessage() + ")");
    return GatewayResponse.configurationError();
  }

  private HttpIntegrations.Answer call(
      Integration integration, MethodRequest request, String contentType, String payload)
      throws IOException, InterruptedException {
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String uri = integration.uri().toString();
    for (Map.Entry<String, String> mapping : integration.requestParameters().entrySet()) {
      String value = request.source(mapping.getValue());
      if (value == null) {
        continue;
      }
      String[] target = mapping.getKey().split("\\.", 4);
      switch (target[2]) {
        case "path" -> uri = uri.replace("%7B" + target[3] + "%7D", pathValue(mapping, value));
        case "querystring" -> query.put(target[3], value);
        default -> headers.put(target[3], List.of(value));
      }
    }
    headers.putIfAbsent("Content-Type", List.of(contentType));
    return http.send(
        method(integration, request),
        URI.create(uri),
        query,
        headers,
        payload.getBytes(StandardCharsets.UTF_8));
  }

  private GatewayResponse httpProxy(Integration integration, MethodRequest request) {
    String uri = integration.uri().toString();
    for (Map.Entry<String, String> mapping : integration.requestParameters().entrySet()) {
      String value = request.source(mapping.getValue());
      String[] target = mapping.getKey().split("\\.", 4);
      if (value != null && target[2].equals("path")) {
        uri = uri.replace("%7B" + target[3] + "%7D", pathValue(mapping, value));
      }
    }
    String resolved = uri;
    Sent sent =
        send(
            integration,
            () ->
                http.send(
                    method(integration, request),
                    URI.create(resolved),
                    request.querystring,
                    request.request.headers(),
                    request.request.body()));
    if (sent.failure() != null) {
      return sent.failure();
    }
    HttpIntegrations.Answer answer = sent.answer();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    answer
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("content-length")
                  && !name.equalsIgnoreCase("transfer-encoding")
                  && !name.equalsIgnoreCase("connection")
                  && !name.equalsIgnoreCase("date")
                  && !name.startsWith(":")) {
                headers.put(name, values);
              }
            });
    return new GatewayResponse(answer.status(), headers, answer.body());
  }

  /** A call to an HTTP integration's endpoint. */
  @FunctionalInterface
  private interface Call {
    HttpIntegrations.Answer send() throws IOException, InterruptedException;
  }

  /** What an endpoint answered, or API Gateway's own answer when it did not. */
  private record Sent(HttpIntegrations.Answer answer, GatewayResponse failure) {}

  /**
   * Make {@code call}: a network error is logged and answered as a configuration error (500), an
   * interruption or the integration's timeout as the API type's integration timeout.
   */
  private Sent send(Integration integration, Call call) {
    try {
      HttpIntegrations.Answer answer = call.send();
      return answer.timedOut()
          ? new Sent(null, GatewayResponse.integrationTimeout(settings.type()))
          : new Sent(answer, null);
    } catch (IOException e) {
      LOGGER.log(
          Level.WARNING,
          "{0}: Execution failed due to a network error: {1}",
          integration.operation(),
          networkError(e));
      return new Sent(null, GatewayResponse.configurationError());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(null, GatewayResponse.integrationTimeout(settings.type()));
    }
  }

  /** The integration's HTTP method; {@code ANY} sends the method request's own. */
  private static String method(Integration integration, MethodRequest request) {
    return integration.httpMethod().equals("ANY")
        ? request.request.method()
        : integration.httpMethod();
  }

  /** The reason of a failed call: the JDK's message, or the exception's name when it has none. */
  private static String networkError(IOException e) {
    return e.getMessage() != null
        ? e.getMessage()
        : e.getClass().getSimpleName() + " (is the integration host's local endpoint running?)";
  }

  private static String responseSource(String source, Endpoint endpoint, MethodRequest request) {
    String expression = source.strip();
    if (expression.startsWith("integration.response.header.")) {
      String name = expression.substring("integration.response.header.".length());
      for (Map.Entry<String, List<String>> header : endpoint.headers().entrySet()) {
        if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
          return header.getValue().get(0);
        }
      }
      return null;
    }
    if (expression.equals("integration.response.body")) {
      return endpoint.body();
    }
    if (expression.startsWith("integration.response.body.")) {
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(endpoint.body());
      } catch (IOException e) {
        return null;
      }
      String value =
          request
              .input(endpoint.body())
              .json("$." + expression.substring("integration.response.body.".length()));
      return node == null || value.isEmpty() ? null : unquote(value);
    }
    return request.source(expression);
  }

  private static String unquote(String json) {
    return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
        ? Json.MAPPER.convertValue(readQuietly(json), String.class)
        : json;
  }

  private static JsonNode readQuietly(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The response template for the request's {@code Accept}, else application/json, else the first.
   */
  private static String responseContentType(Map<String, MappingTemplate> templates, String accept) {
    String wanted = mediaType(accept, null);
    if (wanted != null && templates.containsKey(wanted)) {
      return wanted;
    }
    if (templates.containsKey("application/json")) {
      return "application/json";
    }
    return templates.keySet().iterator().next();
  }

  private static int mockStatus(String payload) {
    JsonNode status = readQuietly(payload.isBlank() ? "{}" : payload);
    JsonNode code = status == null ? null : status.get("statusCode");
    return code != null && code.canConvertToInt() ? code.asInt() : 200;
  }

  private static String mediaType(String header, String fallback) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    return header.split("[;,]", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A path parameter goes on as the request sent it (REST APIs keep path parameters
   * percent-encoded, as the proxy event shows them); any other value is encoded.
   */
  private static String pathValue(Map.Entry<String, String> mapping, String value) {
    return mapping.getValue().strip().startsWith("method.request.path.")
        ? value
        : encodePath(value);
  }

  private static String encodePath(String value) {
    List<String> segments = new ArrayList<>();
    for (String segment : value.split("/", -1)) {
      segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", segments);
  }
}
