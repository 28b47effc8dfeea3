package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.RestApiTests.CLOCK;
import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.core.LocalLambda;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiTests {

  private final Handlers.EventEcho echo = new Handlers.EventEcho();
  private final LocalLambda echoFunction = function(echo);
  private ApiGatewayMock api;

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
    echoFunction.close();
  }

  private ApiGatewayMock.Builder http() {
    return ApiGatewayMock.httpApi().apiId("z9y8x7w6v5").clock(CLOCK);
  }

  @Test
  void buildsThePayloadTwoEventAsApiGatewayDoes() throws Exception {
    api = http().route("GET", "/pets/{id}", echoFunction).start();

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("pets/7?a=1&a=2&b=x%20y"))
                .header("X-Multi", "first")
                .header("X-Multi", "second")
                .header("Cookie", "c1=v1; c2=v2")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = Http.echoedEvent(response);
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("GET /pets/{id}");
    assertThat(event.get("rawPath").asText()).isEqualTo("/pets/7");
    assertThat(event.get("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x%20y");
    assertThat(event.get("cookies").toString()).isEqualTo("[\"c1=v1\",\"c2=v2\"]");
    JsonNode headers = event.get("headers");
    assertThat(headers.get("x-multi").asText()).isEqualTo("first,second");
    assertThat(headers.get("user-agent").asText()).isEqualTo(Http.USER_AGENT);
    assertThat(headers.has("cookie")).isFalse();
    headers.fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
    assertThat(event.get("queryStringParameters").toString())
        .isEqualTo("{\"a\":\"1,2\",\"b\":\"x y\"}");
    assertThat(event.get("pathParameters").toString()).isEqualTo("{\"id\":\"7\"}");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(event.has("body")).isFalse();
    assertThat(event.has("multiValueHeaders")).isFalse();

    JsonNode context = event.get("requestContext");
    assertThat(context.get("accountId").asText()).isEqualTo("123456789012");
    assertThat(context.get("apiId").asText()).isEqualTo("z9y8x7w6v5");
    assertThat(context.get("domainName").asText())
        .isEqualTo("z9y8x7w6v5.execute-api.us-east-1.amazonaws.com");
    assertThat(context.get("domainPrefix").asText()).isEqualTo("z9y8x7w6v5");
    assertThat(context.get("http").toString())
        .isEqualTo(
            "{\"method\":\"GET\",\"path\":\"/pets/7\",\"protocol\":\"HTTP/1.1\","
                + "\"sourceIp\":\"127.0.0.1\",\"userAgent\":\""
                + Http.USER_AGENT
                + "\"}");
    assertThat(context.get("requestId").asText())
        .matches("[A-Za-z0-9+/]{15}=")
        .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
    assertThat(context.get("routeKey").asText()).isEqualTo("GET /pets/{id}");
    assertThat(context.get("stage").asText()).isEqualTo("$default");
    assertThat(context.get("time").asText()).isEqualTo("04/Mar/2024:19:15:17 +0000");
    assertThat(context.get("timeEpoch").asLong()).isEqualTo(1709579717135L);
    assertThat(context.has("authorizer")).isFalse();
  }

  @Test
  void namedStagesPrefixThePathAndStayInRawPath() throws Exception {
    api = http().stage("dev").route("ANY", "/{proxy+}", echoFunction).start();

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("a/b"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, (byte) 0xff}))
                .build());

    JsonNode event = Http.echoedEvent(response);
    assertThat(api.baseUri().getPath()).isEqualTo("/dev/");
    assertThat(event.get("routeKey").asText()).isEqualTo("ANY /{proxy+}");
    assertThat(event.get("rawPath").asText()).isEqualTo("/dev/a/b");
    assertThat(event.get("requestContext").get("http").get("path").asText()).isEqualTo("/dev/a/b");
    assertThat(event.get("requestContext").get("stage").asText()).isEqualTo("dev");
    assertThat(event.get("pathParameters").toString()).isEqualTo("{\"proxy\":\"a/b\"}");
    assertThat(event.get("body").asText()).isEqualTo("AQL/");
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
  }

  @Test
  void typedResponseWithCookies() {
    try (LocalLambda typed = function(new Handlers.TypedHttp())) {
      api = http().route("POST", "/orders", typed).start();

      HttpResponse<String> response =
          Http.send(
              Http.request(api.baseUri().resolve("orders"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build());

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(response.headers().allValues("Set-Cookie")).containsExactly("s=1; Path=/", "t=2");
      assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
      assertThat(response.body()).isEqualTo("POST /orders 127.0.0.1");
    }
  }

  @Test
  void resultsThatAreNotProxyShapedBecome200Json() {
    try (LocalLambda object = function(new Handlers.PlainValue(Map.of("message", "hi")));
        LocalLambda text = function(new Handlers.PlainValue("Hello from Lambda!"))) {
      api = http().route("GET", "/object", object).route("GET", "/text", text).start();

      HttpResponse<String> objectResponse = Http.get(api.baseUri().resolve("object"));
      assertThat(objectResponse.statusCode()).isEqualTo(200);
      assertThat(objectResponse.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(objectResponse.body()).isEqualTo("{\"message\":\"hi\"}");

      HttpResponse<String> textResponse = Http.get(api.baseUri().resolve("text"));
      assertThat(textResponse.statusCode()).isEqualTo(200);
      assertThat(textResponse.body()).isEqualTo("Hello from Lambda!");
    }
  }

  @Test
  void unknownRoutesAreNotFound() {
    api = http().route("GET", "/pets/{id}", echoFunction).start();

    for (HttpRequest request :
        List.of(
            Http.request(api.baseUri().resolve("nothing")).GET().build(),
            Http.request(api.baseUri().resolve("pets/1")).DELETE().build())) {
      HttpResponse<String> response = Http.send(request);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
    }
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void functionErrorsAre500AndTimeouts503() {
    Handlers.Blocking blocking = new Handlers.Blocking();
    try (LocalLambda failing = function(new Handlers.Failing());
        LocalLambda slow =
            LocalLambda.builder()
                .handlerInstance(blocking)
                .timeout(Duration.ofSeconds(60))
                .quiet(true)
                .build()) {
      api =
          http()
              .integrationTimeout(Duration.ofMillis(300))
              .route("GET", "/fail", failing)
              .route("GET", "/slow", slow)
              .start();

      HttpResponse<String> failed = Http.get(api.baseUri().resolve("fail"));
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");

      HttpResponse<String> timedOut = Http.get(api.baseUri().resolve("slow"));
      assertThat(timedOut.statusCode()).isEqualTo(503);
      assertThat(timedOut.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
      assertThat(blocking.started.getCount()).isZero();
    }
  }
}
