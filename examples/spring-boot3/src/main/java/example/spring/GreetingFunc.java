package example.spring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The same greeting behind API Gateway (a Lambda proxy integration, {@code api/openapi.yaml}),
 * written with the application's Jackson, signed for the Cognito identity that called: {@code 200}
 * and {@code {"message":"Hello, Ada","caller":"<identity id>"}}; {@code 403} without a Cognito
 * caller.
 */
public class GreetingFunc
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final Greeter greeter = new Greeter();
  private final ObjectMapper mapper = new ObjectMapper();

  /** Greet the caller by the {@code name} query parameter. */
  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent request, Context context) {
    APIGatewayProxyRequestEvent.ProxyRequestContext requestContext = request.getRequestContext();
    String caller =
        requestContext == null || requestContext.getIdentity() == null
            ? null
            : requestContext.getIdentity().getCognitoIdentityId();
    if (caller == null) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(403)
          .withHeaders(JSON)
          .withBody("{\"message\":\"Forbidden\"}");
    }
    Map<String, String> query = request.getQueryStringParameters();
    String name = query == null ? null : query.get("name");
    try {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(200)
          .withHeaders(JSON)
          .withBody(mapper.writeValueAsString(new Greeting(greeter.greet(name), caller)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
