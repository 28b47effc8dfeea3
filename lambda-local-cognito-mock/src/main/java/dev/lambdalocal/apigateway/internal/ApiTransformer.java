package dev.lambdalocal.apigateway.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdalocal.apigateway.ApiGatewayMock.ApiType;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.IamAuthorizer.Decision;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.server.LoopbackServers;
import dev.lambdalocal.core.Events;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays API Gateway for every request of the stub it is attached to: chooses the route, runs IAM
 * authorization, builds the event, invokes the function in-process within the integration timeout
 * and turns its result into the HTTP response.
 */
final class ApiTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "lambda-local-api-gateway";

  private final ApiSettings settings;

  /** What a timed-out function may take beyond its deadline to stop (see WorkerPool). */
  private static final Duration STOP_MARGIN = Duration.ofSeconds(1);

  private final ExecutorService invokers;

  ApiTransformer(ApiSettings settings, ExecutorService invokers) {
    this.settings = settings;
    this.invokers = invokers;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    IncomingRequest request = incoming(serveEvent.getRequest());
    if (request.body().length > GatewayResponse.MAX_BODY_BYTES) {
      // Refused before API Gateway's own request handling: REST's answer has no request ids.
      return toDefinition(GatewayResponse.bodyTooLarge(settings.type()));
    }
    Ids ids = Ids.random();
    return toDefinition(handle(request, ids).withRequestIds(settings.type(), ids));
  }

  GatewayResponse handle(IncomingRequest request, Ids ids) {
    ApiType type = settings.type();
    if (type == ApiType.HTTP && HttpApiPaths.decoded(request.rawPath()).isEmpty()) {
      return GatewayResponse.badPath();
    }
    Optional<RouteTable.Match> match = route(request);
    if (match.isEmpty()) {
      return GatewayResponse.noRoute(type);
    }
    // Wake the function's worker now: it gets ready while the request is verified.
    LocalLambda function = match.get().route().function();
    function.prepareInvocation();
    Object principal = null;
    if (match.get().route().authorization() == Authorization.AWS_IAM) {
      Decision decision = settings.iamAuthorizer().authorize(request.toAuthorizerRequest());
      if (decision instanceof Decision.Denied denied) {
        return GatewayResponse.denied(type, denied);
      }
      principal = ((Decision.Allowed) decision).principal();
    }
    ObjectNode event =
        type == ApiType.REST
            ? ProxyEvents.rest(settings, request, match.get(), principal, ids)
            : ProxyEvents.http(settings, request, match.get(), principal, ids);
    String json = Json.write(event);
    if (json.length() > Events.MAX_PAYLOAD_BYTES / 3
        && json.getBytes(StandardCharsets.UTF_8).length > Events.MAX_PAYLOAD_BYTES) {
      // Lambda refuses the invocation (RequestEntityTooLargeException); API Gateway answers.
      return GatewayResponse.eventTooLarge(type);
    }
    // Lambda's context.identity stays empty: API Gateway invokes the function with its own
    // credentials, the caller's identity travels only in the event.
    InvocationResult result;
    if (endsBeforeTheIntegrationTimeout(function)) {
      // The function's own deadline ends the call first, so no second thread is needed to watch
      // API Gateway's: call it here and save a hand-off.
      result = function.invokeJson(json, InvokeOptions.defaults());
    } else {
      result = invokeWithIntegrationTimeout(function, json);
      if (result == null) {
        return GatewayResponse.integrationTimeout(type);
      }
    }
    if (result.isError()) {
      return GatewayResponse.integrationError(type);
    }
    Optional<GatewayResponse> response =
        type == ApiType.REST
            ? ProxyResponses.rest(result.payload(), settings.isRestBinary(firstAccept(request)))
            : ProxyResponses.http(result.payload());
    return response.orElseGet(() -> GatewayResponse.integrationError(type));
  }

  /** Whether a cold start's init bound plus the function timeout fits in API Gateway's wait. */
  private boolean endsBeforeTheIntegrationTimeout(LocalLambda function) {
    Duration longest = function.initTimeout().plus(function.timeout()).plus(STOP_MARGIN);
    return longest.compareTo(settings.integrationTimeout()) < 0;
  }

  /** Invoke on another thread and wait at most the integration timeout; null when it is over. */
  private InvocationResult invokeWithIntegrationTimeout(LocalLambda function, String json) {
    CompletableFuture<InvocationResult> invocation =
        CompletableFuture.supplyAsync(
            () -> function.invokeJson(json, InvokeOptions.defaults()), invokers);
    InvocationResult result;
    try {
      result = invocation.get(settings.integrationTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "lambda-local failed to invoke " + function.functionName(), e);
    }
    return result;
  }

  /**
   * Route on the decoded path. A REST API matches each decoded segment but passes path parameters
   * still percent-encoded (a live capture in hotsock/voker's vokerhttp/testdata has {@code "proxy":
   * "capture/space%20value"}; serverless/serverless#5037 sees {@code %40}); an HTTP API decodes the
   * whole path first, so an encoded {@code /} separates segments (see {@link HttpApiPaths}).
   */
  private Optional<RouteTable.Match> route(IncomingRequest request) {
    String prefix = settings.stagePrefix();
    boolean rest = settings.type() == ApiType.REST;
    String path = rest ? request.rawPath() : HttpApiPaths.decoded(request.rawPath()).orElseThrow();
    if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
      return Optional.empty();
    }
    List<String> raw = RouteTable.segments(path.substring(prefix.length()));
    if (!rest) {
      return settings.routes().match(request.method(), raw);
    }
    List<String> segments = new ArrayList<>();
    try {
      for (String segment : raw) {
        segments.add(IncomingRequest.decodePath(segment));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return settings.routes().match(request.method(), segments, raw);
  }

  /**
   * The media type API Gateway checks against the binary media types to decide whether to decode a
   * base64 response: the first of the first {@code Accept} header ("API Gateway uses the first
   * Accept header from clients to determine if a response should return binary media", AWS's
   * "Binary media types for REST APIs" page).
   */
  private static String firstAccept(IncomingRequest request) {
    String accept = request.header("Accept");
    return accept == null ? null : accept.split(",", 2)[0];
  }

  private IncomingRequest incoming(Request request) {
    String url = request.getUrl();
    int question = url.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.computeIfAbsent(header.key(), key -> new ArrayList<>()).addAll(header.values());
    }
    byte[] body = request.getBody();
    return new IncomingRequest(
        request.getMethod().getName(),
        question < 0 ? url : url.substring(0, question),
        question < 0 ? "" : url.substring(question + 1),
        headers,
        body == null ? new byte[0] : body,
        clientIp(request),
        settings.clock().instant());
  }

  /**
   * WireMock reports a client's own {@code X-Forwarded-For} as its address; API Gateway uses the
   * connection's, which on this server is always a loopback one.
   */
  private static String clientIp(Request request) {
    return request.containsHeader("X-Forwarded-For")
        ? LoopbackServers.LOOPBACK
        : request.getClientIp();
  }

  private static ResponseDefinition toDefinition(GatewayResponse response) {
    ResponseDefinitionBuilder builder =
        ResponseDefinitionBuilder.responseDefinition().withStatus(response.status());
    response
        .headers()
        .forEach((name, values) -> builder.withHeader(name, values.toArray(String[]::new)));
    return builder.withBody(response.body()).build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
