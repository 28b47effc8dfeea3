package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.junit.handlers.ApiCaller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @WithApiGateway} with {@code @WithCognitoMock}: the API of a definition file on a loopback
 * port, its functions built as {@code @LambdaTest} builds them, a signing client and the base URI
 * injected.
 */
// tag::class[]
@WithCognitoMock
@LambdaTest(memorySize = 256, env = "COLOR=blue")
@WithApiGateway(
    definition = "src/test/resources/api/caller.yaml",
    functions = @ApiFunction(name = "Caller", handler = ApiCaller.class))
class WithApiGatewayTests {
  // end::class[]

  // tag::signed[]
  @Test
  void aSignedRequestReachesTheFunctionAsTheClientsIdentity(ApiClient client, CognitoMock cognito) {
    ApiResponse response = client.get("/caller");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText())
        .contains("identityId=" + client.identity().identityId())
        .contains("identityPoolId=" + cognito.defaultIdentityPoolId());
  }

  // end::signed[]

  // tag::unsigned[]
  @Test
  void anUnsignedRequestIsRefusedByApiGateway(@ApiBaseUri URI api)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.resolve("caller")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  // end::unsigned[]

  @Test
  void theFunctionIsBuiltWithTheClassesLambdaTestSettings(ApiClient client) {
    assertThat(client.get("/caller").bodyText())
        .contains("function=Caller", "memory=256", "COLOR=blue", "stage=dev");
  }

  @Test
  void theBaseUriIsTheStagesInvokeUrl(
      @ApiBaseUri URI baseUri, ApiGatewayMock api, ApiClient client) {
    assertThat(baseUri.toString()).matches("http://127\\.0\\.0\\.1:\\d+/dev/");
    assertThat(api.baseUri()).isEqualTo(baseUri);
    assertThat(client.baseUri()).isEqualTo(baseUri);
    assertThat(api.stage()).isEqualTo("dev");
  }

  @Nested
  class Inner {
    @Test
    void aNestedClassSharesTheEnclosingClassesApi(
        ApiGatewayMock api, @ApiBaseUri URI baseUri, ApiClient client) {
      assertThat(api.baseUri()).isEqualTo(baseUri);
      assertThat(client.get("/caller").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anHttpApiOnAStageOfItsOwn() {
    EngineExecutionResults results = Kit.run(HttpApi.class);

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @WithCognitoMock(region = "eu-west-1")
  @WithApiGateway(
      definition = "src/test/resources/api/caller.yaml",
      type = WithApiGateway.ApiType.HTTP,
      stage = "v1",
      functions =
          @ApiFunction(
              name = "Caller",
              handlerName = "dev.lambdalocal.junit.handlers.HttpApiCaller"))
  static class HttpApi {
    @Test
    void answersThePayload2Event(ApiGatewayMock api, ApiClient client) {
      assertThat(api.type()).isEqualTo(ApiGatewayMock.ApiType.HTTP);
      assertThat(api.baseUri().getPath()).isEqualTo("/v1/");
      ApiResponse response = client.get("/caller");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo(client.identity().identityId());
    }
  }
  // tag::class[]
}
// end::class[]
