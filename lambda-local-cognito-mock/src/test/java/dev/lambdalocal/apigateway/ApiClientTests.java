package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ApiClient} against the Cognito and API Gateway mocks: the old {@code connect} flow. */
class ApiClientTests {

  private final Handlers.EventEcho echo = new Handlers.EventEcho();
  private final LocalLambda echoFunction = function(echo);
  private CognitoMock cognito;
  private ApiGatewayMock api;
  private ApiClient client;

  @BeforeEach
  void start() {
    cognito = CognitoMock.builder().start();
    api =
        ApiGatewayMock.restApi()
            .stage("dev")
            .route("ANY", "/orders/{id}", echoFunction, Authorization.AWS_IAM)
            .iamAuthorizer(IamAuthorizer.sigV4(cognito))
            .start();
    client = ApiClient.builder().baseUri(api.baseUri()).cognito(cognito).build();
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
    echoFunction.close();
    cognito.close();
  }

  static JsonNode event(ApiResponse response) {
    assertThat(response.statusCode()).as(response.toString()).isEqualTo(200);
    String body = response.bodyText();
    try {
      return Http.JSON.readTree(body.substring(0, body.lastIndexOf('\n')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertCallerIsTheClientsIdentity(JsonNode event) {
    JsonNode caller = event.path("requestContext").path("identity");
    assertThat(caller.path("cognitoIdentityId").asText()).isEqualTo(client.identity().identityId());
    assertThat(caller.path("cognitoIdentityPoolId").asText())
        .isEqualTo(cognito.defaultIdentityPoolId());
    assertThat(caller.path("cognitoAuthenticationType").asText()).isEqualTo("unauthenticated");
    assertThat(cognito.issuedCredentials(caller.path("accessKey").asText()))
        .hasValueSatisfying(
            issued -> assertThat(issued.identityId()).isEqualTo(client.identity().identityId()));
  }

  @Test
  void getWithMultiValuedQueryAndAnEncodedPathReachesTheFunctionAsTheCognitoIdentity() {
    ApiResponse response =
        client.get("/orders/a b+ü", Map.of("tag", List.of("x&y", "a b"), "q", List.of("1=2/ü*~")));

    JsonNode event = event(response);
    assertThat(event.path("httpMethod").asText()).isEqualTo("GET");
    // REST APIs pass path parameters still percent-encoded, as the client encoded them.
    assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("a%20b+%C3%BC");
    assertThat(event.path("multiValueQueryStringParameters").path("tag"))
        .extracting(JsonNode::asText)
        .containsExactly("x&y", "a b");
    assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("1=2/ü*~");
    assertThat(event.path("body").isNull()).isTrue();
    assertCallerIsTheClientsIdentity(event);
    assertThat(response.header("content-type")).hasValue("application/json");
    assertThat(response.header("x-amzn-RequestId")).isPresent();
  }

  @Test
  void aQueryWrittenInThePathIsDecodedAndSignedLikeTheOthers() {
    JsonNode event =
        event(client.request("GET", "orders/7?limit=5&tag=a%20b&tag=c").query("tag", "d").send());

    assertThat(event.path("path").asText()).isEqualTo("/orders/7");
    assertThat(event.path("multiValueQueryStringParameters").path("tag"))
        .extracting(JsonNode::asText)
        .containsExactly("a b", "c", "d");
    assertThat(event.path("queryStringParameters").path("limit").asText()).isEqualTo("5");
  }

  @Test
  void postSendsTheJsonPayloadAsApplicationJson() {
    JsonNode event = event(client.post("/orders/42", "{\"qty\":2,\"note\":\"é\"}"));

    assertThat(event.path("httpMethod").asText()).isEqualTo("POST");
    assertThat(event.path("body").asText()).isEqualTo("{\"qty\":2,\"note\":\"é\"}");
    assertThat(event.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
    assertCallerIsTheClientsIdentity(event);
  }

  @Test
  void putPatchAndDeleteReachTheFunctionWithTheirMethod() {
    JsonNode put = event(client.put("/orders/42", "{\"qty\":3}"));
    JsonNode patch = event(client.patch("/orders/42", "{\"qty\":4}"));
    JsonNode delete = event(client.delete("/orders/42"));

    assertThat(put.path("httpMethod").asText()).isEqualTo("PUT");
    assertThat(put.path("body").asText()).isEqualTo("{\"qty\":3}");
    assertThat(patch.path("httpMethod").asText()).isEqualTo("PATCH");
    assertThat(patch.path("body").asText()).isEqualTo("{\"qty\":4}");
    assertThat(delete.path("httpMethod").asText()).isEqualTo("DELETE");
    assertCallerIsTheClientsIdentity(delete);
    assertThat(echo.invocations).hasValue(3);
  }

  @Test
  void bytesWithTheirContentTypeAndExtraHeadersAreSentAndSigned() {
    JsonNode event =
        event(
            client
                .request("post", "/orders/1")
                .contentType("text/csv")
                .header("X-Trace", "t-1")
                .body("a,b\n1,2".getBytes(StandardCharsets.UTF_8))
                .send());

    assertThat(event.path("body").asText()).isEqualTo("a,b\n1,2");
    assertThat(event.path("headers").path("Content-Type").asText()).isEqualTo("text/csv");
    assertThat(event.path("headers").path("X-Trace").asText()).isEqualTo("t-1");
  }

  @Test
  void theSameCredentialsSignEveryRequestWhileTheyAreValid() {
    event(client.get("/orders/1"));
    event(client.get("/orders/2"));

    assertThat(cognito.issuedCredentials()).hasSize(1);
  }

  @Test
  void aForbiddenAnswerFromApiGatewayIsAResponseNotAnException() {
    ApiResponse response = client.get("/nothing/here");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.isSuccessful()).isFalse();
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(response.header("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void credentialsOfAnotherCognitoAreRefusedWithApiGatewaysAnswer() {
    try (CognitoMock other = CognitoMock.builder().start();
        ApiClient stranger = ApiClient.builder().baseUri(api.baseUri()).cognito(other).build()) {
      ApiResponse response = stranger.post("/orders/1", "{}");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.header("x-amzn-ErrorType")).hasValue("AccessDeniedException");
      assertThat(response.bodyText())
          .isEqualTo("{\"message\":\"The security token included in the request is invalid.\"}");
      assertThat(echo.invocations).hasValue(0);
    }
  }

  @Test
  void anHttpApiSeesTheCallerInItsIamAuthorizerContext() {
    try (ApiGatewayMock httpApi =
            ApiGatewayMock.httpApi()
                .route("GET", "/me", echoFunction, Authorization.AWS_IAM)
                .iamAuthorizer(IamAuthorizer.sigV4(cognito))
                .start();
        ApiClient httpClient =
            ApiClient.builder().baseUri(httpApi.baseUri()).cognito(cognito).build()) {
      JsonNode event = event(httpClient.get("/me?x=1"));

      JsonNode iam = event.path("requestContext").path("authorizer").path("iam");
      assertThat(iam.path("cognitoIdentity").path("identityId").asText())
          .isEqualTo(httpClient.identity().identityId());
      assertThat(iam.path("cognitoIdentity").path("amr"))
          .extracting(JsonNode::asText)
          .containsExactly("unauthenticated");
      assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1");
    }
  }
}
