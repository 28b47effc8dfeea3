package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.ApiClientTests.event;
import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.cognito.IdentityPool;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ApiClient} gets, caches and refreshes its Cognito identity and credentials. */
class ApiClientCognitoTests {

  private final Handlers.EventEcho echo = new Handlers.EventEcho();
  private final LocalLambda echoFunction = function(echo);
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private CognitoMock cognito;
  private ApiGatewayMock api;

  private void start(CognitoMock.Builder cognitoBuilder) {
    cognito = cognitoBuilder.clock(clock).start();
    api =
        ApiGatewayMock.restApi()
            .route("ANY", "/whoami", echoFunction, Authorization.AWS_IAM)
            .iamAuthorizer(IamAuthorizer.sigV4(cognito))
            .start();
  }

  private ApiClient.Builder client() {
    return ApiClient.builder().baseUri(api.baseUri()).cognito(cognito);
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (cognito != null) {
      cognito.close();
    }
    echoFunction.close();
  }

  private static String caller(JsonNode event, String field) {
    return event.path("requestContext").path("identity").path(field).asText();
  }

  @Test
  void theIdentityCachedForAnEnvironmentIsReusedByTheNextClient(@TempDir Path project) {
    start(CognitoMock.builder());
    IdentityCache cache = IdentityCache.in(project);

    String first;
    try (ApiClient client = client().identityCache(cache, "dev").build()) {
      first = caller(event(client.get("/whoami")), "cognitoIdentityId");
    }
    String second;
    try (ApiClient client = client().identityCache(cache, "dev").build()) {
      second = caller(event(client.get("/whoami")), "cognitoIdentityId");
    }
    String other;
    try (ApiClient client = client().identityCache(cache, "prod").build()) {
      other = caller(event(client.get("/whoami")), "cognitoIdentityId");
    }

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(cache.load("dev")).hasValue(new Identity(first, cognito.defaultIdentityPoolId()));
    assertThat(cache.load("prod")).hasValue(new Identity(other, cognito.defaultIdentityPoolId()));
  }

  @Test
  void aCachedIdentityCognitoDoesNotKnowIsReplaced(@TempDir Path project) {
    String poolId = "us-east-1:0a1b2c3d-1111-4222-8333-444455556666";
    start(
        CognitoMock.builder().identityPool(IdentityPool.builder().identityPoolId(poolId).build()));
    IdentityCache cache = IdentityCache.in(project);
    Identity stale = new Identity("us-east-1:99999999-1111-4222-8333-444455556666", poolId);
    cache.store("dev", stale);

    try (ApiClient client = client().identityCache(cache, "dev").build()) {
      String id = caller(event(client.get("/whoami")), "cognitoIdentityId");

      assertThat(id).isNotEqualTo(stale.identityId());
      assertThat(cache.load("dev")).hasValue(new Identity(id, poolId));
    }
  }

  @Test
  void withLoginsTheCallerIsTheAuthenticatedIdentityOfThoseLogins() {
    start(
        CognitoMock.builder()
            .identityPool(
                IdentityPool.builder()
                    .supportedLoginProvider("graph.facebook.com", "1234567890")
                    .build()));
    try (ApiClient client = client().logins(Map.of("graph.facebook.com", "user-1")).build()) {
      JsonNode event = event(client.get("/whoami"));

      assertThat(caller(event, "cognitoAuthenticationType")).isEqualTo("authenticated");
      assertThat(caller(event, "cognitoAuthenticationProvider"))
          .isEqualTo("graph.facebook.com,graph.facebook.com:user-1");
      assertThat(caller(event, "cognitoIdentityId"))
          .isEqualTo(
              cognito
                  .getId(cognito.defaultIdentityPoolId(), Map.of("graph.facebook.com", "user-1"))
                  .identityId());
    }
  }

  @Test
  void credentialsAreRefreshedShortlyBeforeTheyExpire() {
    start(CognitoMock.builder());
    try (ApiClient client = client().build()) {
      String firstKey = caller(event(client.get("/whoami")), "accessKey");

      clock.advance(Duration.ofMinutes(54));
      String stillFirst = caller(event(client.get("/whoami")), "accessKey");
      clock.advance(Duration.ofMinutes(2)); // 4 minutes before expiry
      String secondKey = caller(event(client.get("/whoami")), "accessKey");
      clock.advance(Duration.ofMinutes(65)); // long after the first set expired
      String thirdKey = caller(event(client.get("/whoami")), "accessKey");

      assertThat(stillFirst).isEqualTo(firstKey);
      assertThat(secondKey).isNotEqualTo(firstKey);
      assertThat(thirdKey).isNotIn(firstKey, secondKey);
      assertThat(cognito.issuedCredentials())
          .extracting(issued -> issued.identityId())
          .containsOnly(client.identity().identityId())
          .hasSize(3);
    }
  }

  @Test
  void theCognitoCallsAreSentUnsignedAndNeedNoAwsCredentials() throws IOException {
    start(CognitoMock.builder());
    List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
    HttpServer proxy = recordingProxy(cognito.endpoint(), seen);
    try (ApiClient client =
        client()
            .cognitoEndpoint(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()))
            .build()) {
      event(client.get("/whoami"));
    } finally {
      proxy.stop(0);
    }

    assertThat(seen)
        .extracting(headers -> headers.get("X-amz-target").get(0))
        .containsExactly(
            "AWSCognitoIdentityService.GetId",
            "AWSCognitoIdentityService.GetCredentialsForIdentity");
    assertThat(seen)
        .allSatisfy(
            headers ->
                assertThat(headers).doesNotContainKeys("Authorization", "X-amz-security-token"));
  }

  /** Forwards to {@code target}, recording each request's headers (names as the JDK shows them). */
  private static HttpServer recordingProxy(URI target, List<Map<String, List<String>>> seen)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seen.add(Map.copyOf(exchange.getRequestHeaders()));
          HttpRequest.Builder forward =
              Http.request(target.resolve(exchange.getRequestURI().getRawPath()))
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          exchange.getRequestBody().readAllBytes()));
          forward.header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
          forward.header("X-Amz-Target", exchange.getRequestHeaders().getFirst("X-Amz-Target"));
          HttpResponse<byte[]> response = Http.sendForBytes(forward.build());
          response
              .headers()
              .firstValue("Content-Type")
              .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
          exchange.sendResponseHeaders(response.statusCode(), response.body().length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(response.body());
          }
        });
    server.start();
    return server;
  }

  @Test
  void cognitosRefusalIsReportedWithItsCodeAndMessage() {
    start(
        CognitoMock.builder()
            .identityPool(IdentityPool.builder().allowUnauthenticatedIdentities(false).build()));
    try (ApiClient client = client().build()) {
      assertThatThrownBy(() -> client.get("/whoami"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Cognito GetId failed for identity pool "
                  + cognito.defaultIdentityPoolId()
                  + ": NotAuthorizedException: Unauthenticated access is not supported for this"
                  + " identity pool.");
      assertThat(echo.invocations).hasValue(0);
    }
  }

  @Test
  void aMissingBaseUriOrPoolIdIsNamed() {
    assertThatThrownBy(
            () ->
                ApiClient.builder()
                    .identityPoolId("us-east-1:0a1b2c3d-1111-4222-8333-444455556666")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ApiClient: baseUri is not set");
    assertThatThrownBy(
            () ->
                ApiClient.builder()
                    .baseUri("https://abc.execute-api.us-east-1.amazonaws.com/dev/")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ApiClient: identityPoolId is not set");
  }

  @Test
  void malformedSettingsAreNamed() {
    ApiClient.Builder builder = ApiClient.builder();
    assertThatThrownBy(() -> builder.baseUri("abc.execute-api.us-east-1.amazonaws.com/dev"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "baseUri must be an absolute http(s) URL without query or fragment:"
                + " abc.execute-api.us-east-1.amazonaws.com/dev");
    assertThatThrownBy(() -> builder.identityPoolId("us-east-1_abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identityPoolId is not of the form <region>:<uuid>: us-east-1_abc");
    assertThatThrownBy(() -> builder.region("Europe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("region is not an AWS region name: Europe");
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestTimeout must be positive: PT0S");
  }

  /** A clock the test moves; the Cognito mock and the client's signer share it. */
  static final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
