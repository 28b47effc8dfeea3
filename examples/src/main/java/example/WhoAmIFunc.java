package example;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * Tells callers who they are: the Cognito identity that Lambda passes in {@link
 * Context#getIdentity()} when an app invokes the function with the credentials of a Cognito
 * identity, answered in API Gateway's proxy response shape.
 *
 * <p>{@code {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body":
 * "{\"identityId\":\"<id>\",\"identityPoolId\":\"<pool id>\"}"}}; a caller without a Cognito
 * identity gets {@code 403} and {@code {"message":"Forbidden"}}.
 */
public class WhoAmIFunc
    implements RequestHandler<Map<String, Object>, APIGatewayProxyResponseEvent> {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  /** Answer with the caller's identity. */
  @Override
  public APIGatewayProxyResponseEvent handleRequest(Map<String, Object> event, Context context) {
    CognitoIdentity identity = context.getIdentity();
    if (identity == null || identity.getIdentityId() == null) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(403)
          .withHeaders(JSON)
          .withBody("{\"message\":\"Forbidden\"}");
    }
    context.getLogger().log("caller " + identity.getIdentityId() + "\n");
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(200)
        .withHeaders(JSON)
        .withBody(
            "{\"identityId\":"
                + quote(identity.getIdentityId())
                + ",\"identityPoolId\":"
                + quote(identity.getIdentityPoolId())
                + "}");
  }

  /** Quote a Cognito id as a JSON string; the ids' format leaves only quotes to escape. */
  private static String quote(String id) {
    return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
