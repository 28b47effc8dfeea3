package dev.lambdalocal.cli;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/** The handlers of the CLI tests' API, {@code cli/whoami.yaml}. */
public final class ServeHandlers {

  static final String WHO_AM_I = ServeHandlers.class.getName() + "$WhoAmI";
  static final String STATUS = ServeHandlers.class.getName() + "$Status";
  static final String FAILING_INIT = ServeHandlers.class.getName() + "$FailingInit";
  static final String EXIT_ON_DEMAND = ServeHandlers.class.getName() + "$ExitOnDemand";

  private ServeHandlers() {}

  /**
   * Answer {@code {"identityId":"<the caller's Cognito identity
   * id>","query":"<q>","greeting":"<$GREETING>","body":<JSON body>}}.
   */
  public static final class WhoAmI
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent event, Context context) {
      Map<String, String> query = event.getQueryStringParameters();
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(200)
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody(
              "{\"identityId\":\""
                  + event.getRequestContext().getIdentity().getCognitoIdentityId()
                  + "\",\"query\":\""
                  + (query == null ? "" : query.getOrDefault("q", ""))
                  + "\",\"greeting\":\""
                  + System.getenv().getOrDefault("GREETING", "")
                  + "\",\"body\":"
                  + (event.getBody() == null ? "null" : event.getBody())
                  + "}");
    }
  }

  /** Answer 418 with a body without a final line break. */
  public static final class Status
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent event, Context context) {
      return new APIGatewayProxyResponseEvent().withStatusCode(418).withBody("short and stout");
    }
  }

  /**
   * Answer {@code <loads>/<calls>}: how often this class was initialized and this instance called;
   * with {@code ?q=exit}, call {@code System.exit(5)} instead, as no handler should.
   */
  public static final class ExitOnDemand
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static int loads;

    static {
      loads++;
    }

    private int calls;

    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent event, Context context) {
      calls++;
      Map<String, String> query = event.getQueryStringParameters();
      if (query != null && "exit".equals(query.get("q"))) {
        System.exit(5);
      }
      return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(loads + "/" + calls);
    }
  }

  /** Fail the init phase: log a line, then throw from the static initializer. */
  public static final class FailingInit
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static {
      System.out.println("initializing FailingInit");
      if (Boolean.parseBoolean("true")) {
        throw new IllegalStateException("no configuration");
      }
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent event, Context context) {
      return new APIGatewayProxyResponseEvent().withStatusCode(200);
    }
  }
}
