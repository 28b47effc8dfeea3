package dev.lambdalocal.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.core.LocalLambda;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestApiTests {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-04T19:15:17.135Z"), ZoneOffset.UTC);
  static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final Handlers.EventEcho echo = new Handlers.EventEcho();
  private final LocalLambda echoFunction = function(echo);
  private ApiGatewayMock api;

  static LocalLambda function(Object handler) {
    return LocalLambda.builder().handlerInstance(handler).quiet(true).build();
  }

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
    echoFunction.close();
  }

  private ApiGatewayMock.Builder rest() {
    return ApiGatewayMock.restApi().apiId("a1b2c3d4e5").clock(CLOCK);
  }

  @Test
  void buildsThePayloadOneEventAsApiGatewayDoes() throws Exception {
    api = rest().route("GET", "/pets/{id}", echoFunction).start();

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("pets/42?x=1&x=2&y=a%20b"))
                .header("X-Multi", "first")
                .header("X-Multi", "second")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-amzn-RequestId"))
        .get()
        .asString()
        .matches(UUID_PATTERN);
    JsonNode event = Http.echoedEvent(response);
    assertThat(event.get("resource").asText()).isEqualTo("/pets/{id}");
    assertThat(event.get("path").asText()).isEqualTo("/pets/42");
    assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(event.get("pathParameters").toString()).isEqualTo("{\"id\":\"42\"}");
    assertThat(event.get("queryStringParameters").toString())
        .isEqualTo("{\"x\":\"2\",\"y\":\"a b\"}");
    assertThat(event.get("multiValueQueryStringParameters").toString())
        .isEqualTo("{\"x\":[\"1\",\"2\"],\"y\":[\"a b\"]}");
    assertThat(event.get("headers").get("X-Multi").asText()).isEqualTo("second");
    assertThat(event.get("multiValueHeaders").get("X-Multi").toString())
        .isEqualTo("[\"first\",\"second\"]");
    assertThat(event.get("headers").get("User-Agent").asText()).isEqualTo(Http.USER_AGENT);
    assertThat(event.get("stageVariables").isNull()).isTrue();
    assertThat(event.get("body").isNull()).isTrue();
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();

    JsonNode context = event.get("requestContext");
    assertThat(context.get("stage").asText()).isEqualTo("dev");
    assertThat(context.get("resourcePath").asText()).isEqualTo("/pets/{id}");
    assertThat(context.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(context.get("path").asText()).isEqualTo("/dev/pets/42");
    assertThat(context.get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(context.get("requestId").asText())
        .matches(UUID_PATTERN)
        .isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(context.get("requestTimeEpoch").asLong()).isEqualTo(1709579717135L);
    assertThat(context.get("requestTime").asText()).isEqualTo("04/Mar/2024:19:15:17 +0000");
    assertThat(context.get("apiId").asText()).isEqualTo("a1b2c3d4e5");
    assertThat(context.get("domainName").asText())
        .isEqualTo("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
    assertThat(context.get("domainPrefix").asText()).isEqualTo("a1b2c3d4e5");
    assertThat(context.get("accountId").asText()).isEqualTo("123456789012");
    assertThat(context.get("resourceId").asText()).matches("[a-z0-9]{6}");
    JsonNode identity = context.get("identity");
    assertThat(identity.get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(identity.get("userAgent").asText()).isEqualTo(Http.USER_AGENT);
    for (String field :
        List.of(
            "cognitoIdentityPoolId",
            "accountId",
            "cognitoIdentityId",
            "caller",
            "accessKey",
            "cognitoAuthenticationType",
            "cognitoAuthenticationProvider",
            "userArn",
            "user")) {
      assertThat(identity.get(field).isNull()).as(field).isTrue();
    }
    assertThat(response.body()).endsWith("\nno identity");
  }

  @Test
  void typedHandlerGetsGreedyPathAndItsResponseBecomesHttp() {
    try (LocalLambda typed = function(new Handlers.TypedRest())) {
      api = rest().stage("prod").route("ANY", "/items/{proxy+}", typed).start();

      HttpResponse<String> response =
          Http.send(
              Http.request(api.baseUri().resolve("items/a/b%2Fc/d"))
                  .POST(HttpRequest.BodyPublishers.ofString("payload"))
                  .build());

      assertThat(response.statusCode()).isEqualTo(201);
      // REST passes path parameters still percent-encoded.
      assertThat(response.headers().firstValue("X-Proxy")).hasValue("a/b%2Fc/d");
      assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(response.body()).isEqualTo("POST /items/{proxy+} prod 127.0.0.1 payload");
    }
  }

  @Test
  void binaryMediaTypesReachTheFunctionBase64Encoded() throws Exception {
    api = rest().binaryMediaType("image/png").route("POST", "/upload", echoFunction).start();

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("upload"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, (byte) 0xff}))
                .build());

    JsonNode event = Http.echoedEvent(response);
    assertThat(event.get("body").asText()).isEqualTo("AQL/");
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
  }

  @Test
  void base64ResponsesAreDecodedForABinaryAccept() {
    try (LocalLambda binary = function(new Handlers.BinaryResponse())) {
      api = rest().binaryMediaType("image/png").route("GET", "/image", binary).start();

      HttpResponse<byte[]> response =
          Http.sendForBytes(
              Http.request(api.baseUri().resolve("image"))
                  .header("Accept", "image/png")
                  .GET()
                  .build());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).containsExactly(0x89, 'P', 'N', 'G', 0, 0xff);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    }
  }

  @Test
  void unknownRoutesGetMissingAuthenticationToken() {
    api = rest().route("GET", "/pets/{id}", echoFunction).start();

    for (String path : List.of("dev/nothing", "dev/pets", "other/pets/1", "dev/pets/1/x")) {
      HttpResponse<String> response = Http.get(api.endpoint().resolve(path));
      assertThat(response.statusCode()).as(path).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType"))
          .hasValue("MissingAuthenticationTokenException");
    }
    HttpResponse<String> wrongMethod =
        Http.send(Http.request(api.baseUri().resolve("pets/1")).DELETE().build());
    assertThat(wrongMethod.statusCode()).isEqualTo(403);
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void functionErrorsAndMalformedResponsesAre502() {
    try (LocalLambda failing = function(new Handlers.Failing());
        LocalLambda malformed =
            function(new Handlers.PlainValue(Map.of("statusCode", 200, "body", Map.of("a", 1))));
        LocalLambda notProxy = function(new Handlers.PlainValue("just a string"))) {
      api =
          rest()
              .route("GET", "/fail", failing)
              .route("GET", "/malformed", malformed)
              .route("GET", "/plain", notProxy)
              .start();

      for (String path : List.of("fail", "malformed", "plain")) {
        HttpResponse<String> response = Http.get(api.baseUri().resolve(path));
        assertThat(response.statusCode()).as(path).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType"))
            .hasValue("InternalServerErrorException");
      }
    }
  }

  @Test
  void slowFunctionsGetEndpointRequestTimedOut() throws Exception {
    Handlers.Blocking blocking = new Handlers.Blocking();
    try (LocalLambda slow =
        LocalLambda.builder()
            .handlerInstance(blocking)
            .timeout(Duration.ofSeconds(60))
            .quiet(true)
            .build()) {
      api = rest().integrationTimeout(Duration.ofMillis(300)).route("GET", "/slow", slow).start();

      HttpResponse<String> response = Http.get(api.baseUri().resolve("slow"));

      // The function was invoked and is still running; on a loaded machine it may only start
      // after the 300 ms have passed, which changes nothing for the caller.
      assertThat(blocking.started.await(30, TimeUnit.SECONDS)).as("the function started").isTrue();
      assertThat(response.statusCode()).isEqualTo(504);
      assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType"))
          .hasValue("InternalServerErrorException");
    }
  }
}
