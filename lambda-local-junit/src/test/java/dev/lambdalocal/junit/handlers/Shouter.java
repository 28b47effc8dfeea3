package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Locale;
import java.util.Map;

/** Answers an API Gateway request with its body in capitals, and the caller's identity id. */
public class Shouter
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent request, Context context) {
    String caller = request.getRequestContext().getIdentity().getCognitoIdentityId();
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(200)
        .withBody(request.getBody().toUpperCase(Locale.ROOT))
        .withHeaders(Map.of("x-caller", caller));
  }
}
