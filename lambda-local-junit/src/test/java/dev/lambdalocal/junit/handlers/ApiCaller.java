package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * A REST API proxy integration that answers with the caller API Gateway names in {@code
 * requestContext.identity}, the stage, and the function's own name, memory and {@code COLOR}.
 */
public class ApiCaller
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent request, Context context) {
    APIGatewayProxyRequestEvent.RequestIdentity identity =
        request.getRequestContext().getIdentity();
    String body =
        String.join(
            "\n",
            "identityId=" + identity.getCognitoIdentityId(),
            "identityPoolId=" + identity.getCognitoIdentityPoolId(),
            "stage=" + request.getRequestContext().getStage(),
            "function=" + context.getFunctionName(),
            "memory=" + context.getMemoryLimitInMB(),
            "COLOR=" + System.getenv("COLOR"));
    return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(body);
  }
}
