package dev.lambdalocal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.Event;
import dev.lambdalocal.junit.LambdaTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The three test classes {@code benchmarks/coldstart.sh} runs, each alone in a fresh JVM: one test
 * of the same handler with the same API Gateway event ({@code events/apigateway-rest.json}),
 * written three ways.
 *
 * <ul>
 *   <li>{@link Plain}: plain JUnit, the event built by hand, the handler called as a method (the
 *       floor: no JSON at all);
 *   <li>{@link AwsLambdaJavaTests}: aws-lambda-java-tests' {@code @Event} reads the file with the
 *       runtime's serializer, the handler is called as a method;
 *   <li>{@link LambdaTestInvoke}: {@code @LambdaTest} injects the function, lambda-local's
 *       {@code @Event} reads the file, and the test invokes the function with it.
 * </ul>
 *
 * @since 0.1.0
 */
public final class ColdStartFixtures {

  static final String EVENT = "events/apigateway-rest.json";

  private ColdStartFixtures() {}

  /**
   * The handler: answers with the method and path of the request.
   *
   * @since 0.1.0
   */
  public static final class Orders
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent event, Context context) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(200)
          .withBody(event.getHttpMethod() + " " + event.getPath());
    }
  }

  /** Plain JUnit: the event built by hand. */
  static final class Plain {
    @Test
    void test() {
      APIGatewayProxyRequestEvent event =
          new APIGatewayProxyRequestEvent()
              .withResource("/orders/{orderId}")
              .withPath("/orders/42")
              .withHttpMethod("POST")
              .withHeaders(Map.of("Content-Type", "application/json"))
              .withPathParameters(Map.of("orderId", "42"))
              .withBody("{\"item\":\"book\"}");
      assertEquals("POST /orders/42", new Orders().handleRequest(event, null).getBody());
    }
  }

  /** aws-lambda-java-tests' {@code @Event}. */
  static final class AwsLambdaJavaTests {
    @ParameterizedTest
    @com.amazonaws.services.lambda.runtime.tests.annotations.Event(
        value = EVENT,
        type = APIGatewayProxyRequestEvent.class)
    void test(APIGatewayProxyRequestEvent event) {
      assertEquals("POST /orders/42", new Orders().handleRequest(event, null).getBody());
    }
  }

  /** {@code @LambdaTest} and an invoke. */
  @LambdaTest(handler = Orders.class)
  static final class LambdaTestInvoke {
    @Test
    void test(LocalLambda lambda, @Event(EVENT) APIGatewayProxyRequestEvent event) {
      InvocationResult result = lambda.invoke(event);
      assertTrue(
          result.payloadAsString().contains("\"body\":\"POST /orders/42\""), result::toString);
    }
  }
}
