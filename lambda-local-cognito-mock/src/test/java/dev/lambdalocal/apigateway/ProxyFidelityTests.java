package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.RestApiTests.CLOCK;
import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.IamAuthorizer.Decision;
import dev.lambdalocal.core.LocalLambda;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event details and answers compared with live API Gateway captures (issue 11, items 6–12): the
 * sources are named next to the code in {@code EventHeaders}, {@code HttpApiPaths}, {@code
 * ProxyEvents} and {@code ProxyResponses}.
 */
class ProxyFidelityTests {

  private static final String TRACE_ROOT =
      "Root=1-" + Long.toHexString(CLOCK.instant().getEpochSecond()) + "-[0-9a-f]{24}";

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

  private static ApiGatewayMock.Builder rest() {
    return ApiGatewayMock.restApi().apiId("a1b2c3d4e5").clock(CLOCK);
  }

  private static ApiGatewayMock.Builder http() {
    return ApiGatewayMock.httpApi().apiId("z9y8x7w6v5").clock(CLOCK);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void restIamEventsLoseTheSignatureButKeepTheAmzHeaders() {
    api =
        rest()
            .iamAuthorizer(request -> new Decision.Allowed("caller"))
            .route("GET", "/private", echoFunction, Authorization.AWS_IAM)
            .route("GET", "/public", echoFunction)
            .start();

    for (String path : List.of("private", "public")) {
      JsonNode event =
          Http.echoedEvent(
              Http.send(
                  Http.request(api.baseUri().resolve(path))
                      .header("Authorization", "AWS4-HMAC-SHA256 Credential=ASIA/x, Signature=ab")
                      .header("X-Amz-Date", "20240304T191517Z")
                      .header("X-Amz-Security-Token", "token")
                      .GET()
                      .build()));
      boolean iam = path.equals("private");
      for (String field : List.of("headers", "multiValueHeaders")) {
        assertThat(event.get(field).has("Authorization")).as(path + " " + field).isEqualTo(!iam);
        assertThat(event.get(field).get("X-Amz-Date").toString()).contains("20240304T191517Z");
        assertThat(event.get(field).get("X-Amz-Security-Token").toString()).contains("token");
      }
    }
  }

  @Test
  void restEventsCarryNoContentLengthWhileHttpApiEventsDo() {
    api = rest().route("POST", "/items", echoFunction).start();
    JsonNode restEvent =
        Http.echoedEvent(
            Http.send(
                Http.request(api.baseUri().resolve("items"))
                    .POST(HttpRequest.BodyPublishers.ofString("payload"))
                    .build()));
    api.close();
    api = http().route("POST", "/items", echoFunction).start();
    JsonNode httpEvent =
        Http.echoedEvent(
            Http.send(
                Http.request(api.baseUri().resolve("items"))
                    .POST(HttpRequest.BodyPublishers.ofString("payload"))
                    .build()));

    assertThat(restEvent.get("body").asText()).isEqualTo("payload");
    assertThat(names(restEvent.get("headers")))
        .noneMatch(name -> name.equalsIgnoreCase("content-length"));
    assertThat(names(restEvent.get("multiValueHeaders")))
        .noneMatch(name -> name.equalsIgnoreCase("content-length"));
    assertThat(httpEvent.get("headers").get("content-length").asText()).isEqualTo("7");
  }

  @Test
  void restEventsGetApiGatewaysForwardingAndTraceHeaders() {
    api = rest().route("GET", "/pets", echoFunction).start();

    JsonNode event = Http.echoedEvent(Http.get(api.baseUri().resolve("pets")));

    JsonNode headers = event.get("headers");
    assertThat(headers.get("X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
    assertThat(headers.get("X-Forwarded-Port").asText()).isEqualTo("443");
    assertThat(headers.get("X-Forwarded-Proto").asText()).isEqualTo("https");
    assertThat(headers.get("X-Amzn-Trace-Id").asText()).matches(TRACE_ROOT);
    JsonNode multi = event.get("multiValueHeaders");
    assertThat(multi.get("X-Forwarded-For").toString()).isEqualTo("[\"127.0.0.1\"]");
    assertThat(multi.get("X-Forwarded-Port").toString()).isEqualTo("[\"443\"]");
    assertThat(multi.get("X-Forwarded-Proto").toString()).isEqualTo("[\"https\"]");
    assertThat(multi.get("X-Amzn-Trace-Id").get(0).asText())
        .isEqualTo(headers.get("X-Amzn-Trace-Id").asText());
  }

  @Test
  void httpApiEventsGetTheSameHeadersLowerCased() {
    api = http().route("GET", "/pets", echoFunction).start();

    JsonNode event =
        Http.echoedEvent(
            Http.send(
                Http.request(api.baseUri().resolve("pets"))
                    .header("X-Forwarded-For", "203.0.113.7")
                    .GET()
                    .build()));
    JsonNode headers = event.get("headers");

    assertThat(headers.get("x-forwarded-for").asText()).isEqualTo("203.0.113.7, 127.0.0.1");
    assertThat(headers.get("x-forwarded-port").asText()).isEqualTo("443");
    assertThat(headers.get("x-forwarded-proto").asText()).isEqualTo("https");
    assertThat(headers.get("x-amzn-trace-id").asText()).matches(TRACE_ROOT);
    assertThat(names(headers)).allMatch(name -> name.equals(name.toLowerCase()));
    // The address is the connection's, never the client's own X-Forwarded-For.
    assertThat(event.get("requestContext").get("http").get("sourceIp").asText())
        .isEqualTo("127.0.0.1");
  }

  @Test
  void restHeaderNamesArriveAsTheClientSentThem() {
    api = rest().route("POST", "/items", echoFunction).start();

    JsonNode event =
        Http.echoedEvent(
            Http.send(
                Http.request(api.baseUri().resolve("items"))
                    .header("content-type", "text/plain")
                    .header("accept", "*/*")
                    .header("X-Mixed-CASE", "1")
                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                    .build()));

    assertThat(names(event.get("headers")))
        .contains("content-type", "accept", "X-Mixed-CASE")
        .doesNotContain("Content-Type", "Accept", "X-Mixed-Case");
    assertThat(names(event.get("multiValueHeaders"))).contains("content-type", "X-Mixed-CASE");
  }

  @Test
  void restPathParametersStayPercentEncoded() {
    api =
        rest()
            .route("GET", "/files/{name}", echoFunction)
            .route("GET", "/tree/{proxy+}", echoFunction)
            .start();

    JsonNode single = Http.echoedEvent(Http.get(api.baseUri().resolve("files/space%20value")));
    JsonNode greedy = Http.echoedEvent(Http.get(api.baseUri().resolve("tree/a/b%2Fc/%40d")));

    assertThat(single.get("pathParameters").toString()).isEqualTo("{\"name\":\"space%20value\"}");
    assertThat(single.get("path").asText()).isEqualTo("/files/space%20value");
    assertThat(single.get("requestContext").get("path").asText())
        .isEqualTo("/dev/files/space%20value");
    assertThat(greedy.get("pathParameters").toString()).isEqualTo("{\"proxy\":\"a/b%2Fc/%40d\"}");
  }

  @Test
  void httpApisDecodeThePathTheyRouteAndPass() {
    api =
        http()
            .route("GET", "/capture/{value}", echoFunction)
            .route("GET", "/capture/{a}/{b}", echoFunction)
            .start();

    JsonNode space = Http.echoedEvent(Http.get(api.baseUri().resolve("capture/space%20value")));
    assertThat(space.get("rawPath").asText()).isEqualTo("/capture/space value");
    assertThat(space.get("requestContext").get("http").get("path").asText())
        .isEqualTo("/capture/space value");
    assertThat(space.get("pathParameters").toString()).isEqualTo("{\"value\":\"space value\"}");

    JsonNode slash = Http.echoedEvent(Http.get(api.baseUri().resolve("capture/slash%2Fvalue")));
    assertThat(slash.get("rawPath").asText()).isEqualTo("/capture/slash/value");
    assertThat(slash.get("pathParameters").toString())
        .isEqualTo("{\"a\":\"slash\",\"b\":\"value\"}");

    JsonNode question =
        Http.echoedEvent(Http.get(api.baseUri().resolve("capture/question%3Fvalue")));
    assertThat(question.get("rawPath").asText()).isEqualTo("/capture/question");
    JsonNode twice = Http.echoedEvent(Http.get(api.baseUri().resolve("capture/literal%2525value")));
    assertThat(twice.get("rawPath").asText()).isEqualTo("/capture/literal%value");

    HttpResponse<String> refused = Http.get(api.baseUri().resolve("capture/percent%25done"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(echo.invocations).hasValue(4);
  }

  @Test
  void restDecodesBase64ResponsesOnlyForABinaryFirstAccept() {
    try (LocalLambda binary = function(new Handlers.BinaryResponse())) {
      api = rest().binaryMediaType("image/*").route("GET", "/image", binary).start();
      String base64 = "iVBORwD/";

      HttpResponse<byte[]> accepted =
          Http.sendForBytes(
              Http.request(api.baseUri().resolve("image"))
                  .header("Accept", "image/png, text/html")
                  .GET()
                  .build());
      HttpResponse<byte[]> secondOnly =
          Http.sendForBytes(
              Http.request(api.baseUri().resolve("image"))
                  .header("Accept", "text/html, image/png")
                  .GET()
                  .build());
      HttpResponse<byte[]> noAccept =
          Http.sendForBytes(Http.request(api.baseUri().resolve("image")).GET().build());

      assertThat(accepted.body()).containsExactly(0x89, 'P', 'N', 'G', 0, 0xff);
      assertThat(new String(secondOnly.body())).isEqualTo(base64);
      assertThat(new String(noAccept.body())).isEqualTo(base64);
      assertThat(noAccept.headers().firstValue("Content-Type")).hasValue("image/png");
    }
  }

  @Test
  void httpApisAlwaysDecodeBase64Responses() {
    try (LocalLambda binary = function(new Handlers.BinaryResponse())) {
      api = http().route("GET", "/image", binary).start();

      HttpResponse<byte[]> response =
          Http.sendForBytes(
              Http.request(api.baseUri().resolve("image"))
                  .header("Accept", "text/html")
                  .GET()
                  .build());

      assertThat(response.body()).containsExactly(0x89, 'P', 'N', 'G', 0, 0xff);
    }
  }

  @Test
  void httpApiBodiesAreTextOnlyForTextTypes() {
    api = http().route("POST", "/items", echoFunction).start();

    record Case(String contentType, boolean base64) {}
    for (Case c :
        List.of(
            new Case(null, true),
            new Case("application/x-www-form-urlencoded", true),
            new Case("application/octet-stream", true),
            new Case("application/json; charset=utf-8", false),
            new Case("text/csv", false),
            new Case("application/xml", false),
            new Case("application/javascript", false))) {
      HttpRequest.Builder request =
          Http.request(api.baseUri().resolve("items"))
              .POST(HttpRequest.BodyPublishers.ofString("a=1"));
      if (c.contentType() != null) {
        request.header("Content-Type", c.contentType());
      }
      JsonNode event = Http.echoedEvent(Http.send(request.build()));
      assertThat(event.get("isBase64Encoded").asBoolean())
          .as(c.contentType())
          .isEqualTo(c.base64());
      assertThat(event.get("body").asText())
          .as(c.contentType())
          .isEqualTo(c.base64() ? "YT0x" : "a=1");
    }
  }
}
