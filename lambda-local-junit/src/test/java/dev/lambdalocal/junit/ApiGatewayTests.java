package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.Shouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Typed API Gateway events with identity placeholders, and event/response pairs. */
@LambdaTest(handler = Shouter.class)
class ApiGatewayTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  // tag::event[]
  @Test
  void theEventIsTheObjectLambdaWouldPass(
      @Event("events/api-request.json") APIGatewayProxyRequestEvent request, Identity caller) {
    // A JSON body stays the string it is in the file, as in Lambda.
    assertThat(request.getBody()).isEqualTo("{\"name\": \"ada\"}");
    // %IDENTITY_ID% and %IDENTITY_POOL_ID% became the test's identity.
    assertThat(request.getRequestContext().getIdentity().getCognitoIdentityId())
        .isEqualTo(caller.identityId());
    assertThat(request.getRequestContext().getIdentity().getCognitoIdentityPoolId())
        .isEqualTo(caller.identityPoolId());
  }

  // end::event[]

  @Test
  void theHandlerAnswersTheCaller(
      @Event("events/api-request.json") APIGatewayProxyRequestEvent request,
      LocalLambda lambda,
      InvokeOptions asCaller,
      Identity caller) {
    InvocationResult result = lambda.invoke(request, asCaller);

    APIGatewayProxyResponseEvent response = result.returnValue(APIGatewayProxyResponseEvent.class);
    assertThat(response.getBody()).isEqualTo("{\"NAME\": \"ADA\"}");
    assertThat(response.getHeaders()).containsEntry("x-caller", caller.identityId());
  }

  @Test
  void aStringParameterReceivesTheJsonText(
      @Event("classpath:events/greeting.json") String json,
      @Event("file:src/test/resources/events/greeting.json") String sameFile) {
    assertThat(json).isEqualTo("{\"name\": \"Ada\"}\n").isEqualTo(sameFile);
  }

  // tag::pairs[]
  @ParameterizedTest
  @HandlerParams(
      events = @EventSource(folder = "apigw/events"),
      responses = @Responses(folder = "apigw/responses"))
  void answersEachRequest(
      APIGatewayProxyRequestEvent request,
      APIGatewayProxyResponseEvent expected,
      LocalLambda lambda) {
    APIGatewayProxyResponseEvent actual =
        lambda.invoke(request).returnValue(APIGatewayProxyResponseEvent.class);

    assertThat(actual.getStatusCode()).isEqualTo(expected.getStatusCode());
    assertThat(actual.getBody()).isEqualTo(expected.getBody());
  }

  // end::pairs[]

  @ParameterizedTest
  @HandlerParams(
      events = @EventSource(files = {"apigw/events/2.json", "apigw/events/1.json"}),
      responses = @Responses(files = {"apigw/responses/2.json", "apigw/responses/1.json"}))
  void responsesMayBeComparedAsJsonText(
      APIGatewayProxyRequestEvent request, String expected, LocalLambda lambda) throws Exception {
    JsonNode actual = JSON.readTree(lambda.invoke(request).payloadAsString());

    assertThat(actual.get("statusCode")).isEqualTo(JSON.readTree(expected).get("statusCode"));
    assertThat(actual.get("body")).isEqualTo(JSON.readTree(expected).get("body"));
  }
}
