package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.LocalLambda;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API Gateway's answers to requests over its 10 MB limit and to events over Lambda's 6 MB one
 * (issue 11, item 13; sources in {@code GatewayResponse}).
 */
class PayloadLimitTests {

  private static final int TEN_MB = 10 * 1024 * 1024;

  private final Handlers.EventEcho echo = new Handlers.EventEcho();
  private final LocalLambda echoFunction = function(echo);
  private ApiGatewayMock api;

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
    echoFunction.close();
  }

  private HttpResponse<String> post(int bytes) {
    byte[] body = new byte[bytes];
    // Letters: their JSON text is as long as they are, unlike control characters (\u0000).
    Arrays.fill(body, (byte) 'a');
    return Http.send(
        Http.request(api.baseUri().resolve("upload"))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  @Test
  void restAnswersBodiesOverTenMegabytesFromItsEdge() {
    api = ApiGatewayMock.restApi().route("POST", "/upload", echoFunction).start();

    HttpResponse<String> response = post(TEN_MB + 1);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("HTTP content length exceeded 10485760 bytes.");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text; charset=utf-8");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isEmpty();
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void restAnswersEventsOverLambdasLimitWithRequestTooLong() {
    api = ApiGatewayMock.restApi().route("POST", "/upload", echoFunction).start();

    // Under API Gateway's 10 MB, but the event that carries it is over Lambda's 6 MB.
    HttpResponse<String> response = post(6 * 1024 * 1024);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"message\": \"Request Too Long\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void httpApisAnswerBothLimitsWith413() {
    api = ApiGatewayMock.httpApi().route("POST", "/upload", echoFunction).start();

    for (int bytes : new int[] {TEN_MB + 1, 6 * 1024 * 1024}) {
      HttpResponse<String> response = post(bytes);
      assertThat(response.statusCode()).as("%d bytes", bytes).isEqualTo(413);
      assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    }
    assertThat(echo.invocations).hasValue(0);
  }
}
