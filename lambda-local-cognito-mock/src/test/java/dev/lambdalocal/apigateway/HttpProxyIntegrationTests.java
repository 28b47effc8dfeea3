package dev.lambdalocal.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdalocal.apigateway.IamAuthorizer.Decision;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code http_proxy} integration forwards the request — method, greedy path, query string,
 * headers, body — to its URI, its host mapped to a WireMock stub on loopback, and passes the
 * endpoint's answer back as it came: status, headers and body, with no integration responses (API
 * Gateway developer guide, "Set up HTTP proxy integrations in API Gateway").
 */
class HttpProxyIntegrationTests {

  private final WireMockServer shop =
      new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
  private ApiGatewayMock api;

  @BeforeEach
  void start(@TempDir Path directory) throws IOException {
    Path definition =
        Files.writeString(
            directory.resolve("shop.yaml"),
            """
            swagger: "2.0"
            info: {title: shop, version: "1"}
            paths:
              /shop/{proxy+}:
                x-amazon-apigateway-any-method:
                  parameters:
                    - {name: proxy, in: path, required: true, type: string}
                  x-amazon-apigateway-auth: {type: aws_iam}
                  x-amazon-apigateway-integration:
                    type: http_proxy
                    httpMethod: ANY
                    uri: https://shop.example.com/api/{proxy}
                    requestParameters:
                      integration.request.path.proxy: method.request.path.proxy
            """);
    shop.start();
    api =
        ApiGatewayMock.restApi()
            .stage("dev")
            .integrationHost("shop.example.com", URI.create(shop.baseUrl()))
            .iamAuthorizer(request -> new Decision.Allowed("tester"))
            .definition(definition, Map.of())
            .start();
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    shop.stop();
  }

  @Test
  void theRequestIsForwardedWithItsMethodPathQueryHeadersAndBody() {
    shop.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(204)));

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("shop/items/42/reviews?sort=new&page=2"))
                .header("Content-Type", "application/json")
                .header("X-Shop-Client", "tests")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"stars\":5}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(204);
    List<LoggedRequest> received = shop.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
    assertThat(received).hasSize(1);
    LoggedRequest forwarded = received.get(0);
    assertThat(forwarded.getMethod().getName()).isEqualTo("PUT");
    assertThat(forwarded.getUrl()).startsWith("/api/items/42/reviews?");
    assertThat(forwarded.queryParameter("sort").firstValue()).isEqualTo("new");
    assertThat(forwarded.queryParameter("page").firstValue()).isEqualTo("2");
    assertThat(forwarded.getHeader("X-Shop-Client")).isEqualTo("tests");
    assertThat(forwarded.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(forwarded.getBodyAsString()).isEqualTo("{\"stars\":5}");
  }

  @Test
  void theEndpointsAnswerComesBackAsItCame() {
    shop.stubFor(
        WireMock.get("/api/items/missing")
            .willReturn(
                WireMock.aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/plain")
                    .withHeader("X-Shop-Trace", "t-1")
                    .withBody("no such item")));

    HttpResponse<byte[]> response =
        Http.sendForBytes(Http.request(api.baseUri().resolve("shop/items/missing")).build());

    // No integration response chooses or maps anything: the 404 is the endpoint's own.
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Shop-Trace")).hasValue("t-1");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("no such item");
  }

  @Test
  void anEndpointThatCannotBeReachedIsAnInternalServerError() {
    shop.stop();

    HttpResponse<String> response = Http.get(api.baseUri().resolve("shop/items/42"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
  }
}
