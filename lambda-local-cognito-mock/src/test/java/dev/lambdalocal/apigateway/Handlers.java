package dev.lambdalocal.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers the API tests route to; each is a real Lambda handler run through LocalLambda. */
final class Handlers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Handlers() {}

  /** Answers with the event it received, verbatim, as the body of a proxy response. */
  static final class EventEcho implements RequestStreamHandler {

    final AtomicInteger invocations = new AtomicInteger();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
        throws IOException {
      invocations.incrementAndGet();
      String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, Object> response =
          Map.of(
              "statusCode",
              200,
              "headers",
              Map.of("Content-Type", "application/json"),
              "body",
              event + "\n" + (context.getIdentity() == null ? "no identity" : "identity"));
      JSON.writeValue(output, response);
    }
  }

  /** A typed REST handler: the events library's classes must read the event. */
  static final class TypedRest
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent event, Context context) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(201)
          .withHeaders(Map.of("X-Proxy", event.getPathParameters().get("proxy")))
          .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
          .withBody(
              event.getHttpMethod()
                  + " "
                  + event.getResource()
                  + " "
                  + event.getRequestContext().getStage()
                  + " "
                  + event.getRequestContext().getIdentity().getSourceIp()
                  + " "
                  + event.getBody());
    }
  }

  /** A typed HTTP API handler. */
  static final class TypedHttp
      implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(202)
          .withHeaders(Map.of("content-type", "text/plain"))
          .withCookies(List.of("s=1; Path=/", "t=2"))
          .withBody(event.getRouteKey() + " " + event.getRequestContext().getHttp().getSourceIp())
          .build();
    }
  }

  /** Returns something other than a proxy response. */
  static final class PlainValue implements RequestHandler<Map<String, Object>, Object> {

    private final Object value;

    PlainValue(Object value) {
      this.value = value;
    }

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
      return value;
    }
  }

  /** Answers with bytes that are not text, base64-encoded. */
  static final class BinaryResponse implements RequestHandler<Map<String, Object>, Object> {

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
      return Map.of(
          "statusCode",
          200,
          "headers",
          Map.of("Content-Type", "image/png"),
          "isBase64Encoded",
          true,
          "body",
          Base64.getEncoder()
              .encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff}));
    }
  }

  /** Throws. */
  static final class Failing implements RequestHandler<Map<String, Object>, Object> {

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
      throw new IllegalStateException("boom");
    }
  }

  /** Blocks until the runtime interrupts it. */
  static final class Blocking implements RequestHandler<Map<String, Object>, Object> {

    final CountDownLatch started = new CountDownLatch(1);

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Map.of("statusCode", 200);
    }
  }
}
