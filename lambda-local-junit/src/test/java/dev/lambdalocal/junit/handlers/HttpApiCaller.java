package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/** An HTTP API integration that answers with the caller's Cognito identity id. */
public class HttpApiCaller implements RequestHandler<APIGatewayV2HTTPEvent, String> {

  @Override
  public String handleRequest(APIGatewayV2HTTPEvent request, Context context) {
    return request
        .getRequestContext()
        .getAuthorizer()
        .getIam()
        .getCognitoIdentity()
        .getIdentityId();
  }
}
