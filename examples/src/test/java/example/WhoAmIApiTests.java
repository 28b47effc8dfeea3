package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.junit.ApiBaseUri;
import dev.lambdalocal.junit.ApiFunction;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.WithApiGateway;
import dev.lambdalocal.junit.WithCognitoMock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The example's API end to end, as the old framework's {@code make connect} exercised it on AWS:
 * the API of {@code api/swagger.yaml} on a loopback port, IAM-authorized with the credentials of an
 * offline Cognito's identities, its {@code /whoami} integration running {@link WhoAmIApiFunc}
 * in-process with the settings of {@code @LambdaTest}.
 */
@WithCognitoMock
@LambdaTest(timeout = "10s", memorySize = 512)
@WithApiGateway(
    definition = "api/swagger.yaml",
    functions = @ApiFunction(name = "WhoAmIApiFunc", handler = WhoAmIApiFunc.class))
class WhoAmIApiTests {

  @Test
  void aSignedRequestIsAnsweredWithTheCallersIdentity(ApiClient api, CognitoMock cognito) {
    ApiResponse response = api.get("/whoami");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("Content-Type")).hasValue("application/json");
    assertThat(response.bodyText())
        .isEqualTo(
            "{\"identityId\":\""
                + api.identity().identityId()
                + "\",\"identityPoolId\":\""
                + cognito.defaultIdentityPoolId()
                + "\",\"authenticationType\":\"unauthenticated\"}");
  }

  @Test
  void anUnsignedRequestIsRefusedByApiGateway(@ApiBaseUri URI baseUri)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(baseUri.resolve("whoami")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("MissingAuthenticationTokenException");
  }

  @Test
  void anUnknownPathIsRefusedLikeAnUnsignedOne(ApiClient api) {
    ApiResponse response = api.post("/example", "{\"name\":\"Ada\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }
}
