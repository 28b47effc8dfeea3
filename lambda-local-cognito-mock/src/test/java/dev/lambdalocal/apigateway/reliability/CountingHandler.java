package dev.lambdalocal.apigateway.reliability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A REST handler that counts its invocations and answers {@code <method> <id> <caller>}: the path
 * parameter {@code id} and the Cognito identity of a signed request ({@code anonymous} otherwise),
 * so a client can tell its own answer from another's.
 */
final class CountingHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  final AtomicInteger invocations = new AtomicInteger();

  /** Return the body the handler answers a request with. */
  static String expectedBody(String method, String id, String identityId) {
    return method + " " + id + " " + (identityId == null ? "anonymous" : identityId);
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    invocations.incrementAndGet();
    String caller = event.getRequestContext().getIdentity().getCognitoIdentityId();
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(200)
        .withHeaders(Map.of("Content-Type", "text/plain"))
        .withBody(expectedBody(event.getHttpMethod(), event.getPathParameters().get("id"), caller));
  }
}
