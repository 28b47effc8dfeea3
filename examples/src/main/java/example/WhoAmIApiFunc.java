package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * Tells callers of the API who they are. Behind an API Gateway proxy integration, Lambda's {@link
 * Context#getIdentity()} is empty: API Gateway invokes the function with its own role, and names
 * the caller it authorized (IAM, with a Cognito identity's credentials) in the event's {@code
 * requestContext.identity}.
 *
 * <p>{@code 200} with {@code {"identityId": "<id>", "identityPoolId": "<pool id>",
 * "authenticationType": "unauthenticated"}}; a request without a Cognito caller (a route without
 * IAM authorization) gets {@code 403} and {@code {"message":"Forbidden"}}.
 */
public class WhoAmIApiFunc
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  /** Answer with the caller's identity. */
  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent request, Context context) {
    APIGatewayProxyRequestEvent.ProxyRequestContext requestContext = request.getRequestContext();
    APIGatewayProxyRequestEvent.RequestIdentity caller =
        requestContext == null ? null : requestContext.getIdentity();
    if (caller == null || caller.getCognitoIdentityId() == null) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(403)
          .withHeaders(JSON)
          .withBody("{\"message\":\"Forbidden\"}");
    }
    context.getLogger().log("caller " + caller.getCognitoIdentityId() + "\n");
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(200)
        .withHeaders(JSON)
        .withBody(
            "{\"identityId\":"
                + quote(caller.getCognitoIdentityId())
                + ",\"identityPoolId\":"
                + quote(caller.getCognitoIdentityPoolId())
                + ",\"authenticationType\":"
                + quote(caller.getCognitoAuthenticationType())
                + "}");
  }

  /** Quote a Cognito value as a JSON string (null as null); only quotes and backslashes occur. */
  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
