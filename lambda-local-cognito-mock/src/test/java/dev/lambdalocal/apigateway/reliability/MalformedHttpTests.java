package dev.lambdalocal.apigateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests no HTTP client would send, written to the API's socket: each is answered with a 4xx and
 * never with a 500 or a body that shows a Java stack trace.
 *
 * <p>Malformed HTTP never reaches API Gateway's code: Jetty answers it, with its own small HTML
 * page ({@code <h1>Bad Message 400</h1><pre>reason: …</pre>}) and {@code Connection: close}. Real
 * API Gateway (CloudFront in front of it) answers such requests with its own 400 page, so only the
 * status is meant to match AWS; the exact Jetty body is pinned to notice when it changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedHttpTests {

  private static final String HOST = "Host: 127.0.0.1\r\nConnection: close\r\n";
  private static final String JSON_HEADERS =
      "Content-Type: application/json\r\nContent-Length: 9\r\n";
  private static final Pattern STACK_TRACE_LINE =
      Pattern.compile("(?m)^\\s*at [\\w$.]+\\(|Exception:|Caused by:|\\bat (dev|com|org|java)\\.");

  private final CountingHandler handler = new CountingHandler();
  private LocalLambda function;
  private CognitoMock cognito;
  private ApiGatewayMock api;

  @BeforeAll
  void start() {
    function = LocalLambda.builder().handlerInstance(handler).quiet(true).build();
    cognito = CognitoMock.builder().start();
    api =
        ApiGatewayMock.restApi()
            .stage("dev")
            .route("ANY", "/open/{id}", function)
            .route("POST", "/secure/{id}", function, Authorization.AWS_IAM)
            .iamAuthorizer(IamAuthorizer.sigV4(cognito))
            .start();
  }

  @AfterAll
  void stop() {
    try {
      api.close();
      cognito.close();
    } finally {
      function.close();
    }
  }

  private RawHttp.Response send(String request) {
    return RawHttp.exchange(api.port(), request);
  }

  private static void assertJettyRejects(RawHttp.Response response, int status, String reason) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body())
        .isEqualTo("<h1>Bad Message " + status + "</h1><pre>reason: " + reason + "</pre>");
    assertThat(response.headers()).containsEntry("connection", "close");
    assertNoStackTrace(response);
  }

  /** A request WireMock cannot read: our 400 in AWS's error shape, instead of Jetty's 500. */
  private static void assertUnreadable(RawHttp.Response response) {
    assertNoStackTrace(response);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers()).containsEntry("x-amzn-errortype", "BadRequestException");
    assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
  }

  private static void assertNoStackTrace(RawHttp.Response response) {
    assertThat(STACK_TRACE_LINE.matcher(response.body()).find())
        .as("stack trace in the %s answer: %s", response.statusLine(), response.body())
        .isFalse();
  }

  @Test
  void aRequestLineWithoutUri() {
    assertJettyRejects(send("GARBAGE\r\n\r\n"), 400, "No URI");
  }

  @Test
  void aRequestLineWithoutVersion() {
    assertJettyRejects(send("GET /dev/open/1\r\n" + HOST + "\r\n"), 505, "HTTP/0.9 not supported");
  }

  @Test
  void anIllegalCharacterInTheMethod() {
    assertJettyRejects(
        send("G@T /dev/open/1 HTTP/1.1\r\n" + HOST + "\r\n"), 400, "Illegal character VCHAR='@'");
  }

  @Test
  void aHeaderLineWithoutColon() {
    assertJettyRejects(
        send("GET /dev/open/1 HTTP/1.1\r\n" + HOST + "NoColonHere\r\n\r\n"),
        400,
        "Illegal character LF=\\n");
  }

  @Test
  void aHeaderNameWithASpace() {
    assertJettyRejects(
        send("GET /dev/open/1 HTTP/1.1\r\n" + HOST + "Bad Name: x\r\n\r\n"),
        400,
        "Illegal character SPACE=' '");
  }

  @Test
  void aFoldedHeaderLine() {
    assertJettyRejects(
        send("GET /dev/open/1 HTTP/1.1\r\n" + HOST + " folded\r\n\r\n"),
        400,
        "Line Folding not supported");
  }

  @Test
  void aContentLengthBeyondLong() {
    assertJettyRejects(
        send(post("/dev/open/1", "Content-Length: 99999999999999999999\r\n", "abc")),
        400,
        "Bad Request");
  }

  @Test
  void aNegativeContentLength() {
    assertJettyRejects(
        send(post("/dev/open/1", "Content-Length: -5\r\n", "abc")),
        400,
        "Invalid Content-Length Value");
  }

  @Test
  void twoContentLengths() {
    assertJettyRejects(
        send(post("/dev/open/1", "Content-Length: 3\r\nContent-Length: 5\r\n", "abc")),
        400,
        "Multiple Content-Lengths");
  }

  @Test
  void aContentLengthLongerThanTheBody() {
    // 2 GiB announced, 3 bytes sent, then the client's end of the stream.
    RawHttp.Response response = send(post("/dev/open/1", "Content-Length: 2147483648\r\n", "abc"));

    assertUnreadable(response);
  }

  @Test
  void aMalformedChunkedBody() {
    RawHttp.Response response =
        send(post("/dev/open/1", "Transfer-Encoding: chunked\r\n", "ZZ\r\nabc\r\n0\r\n\r\n"));

    assertUnreadable(response);
  }

  @Test
  void anInvalidPercentEscapeInThePath() {
    assertJettyRejects(send("GET /dev/open/%zz HTTP/1.1\r\n" + HOST + "\r\n"), 400, "Bad Request");
    assertJettyRejects(send("GET /dev/open/% HTTP/1.1\r\n" + HOST + "\r\n"), 400, "Bad Request");
    assertJettyRejects(send("GET /dev/open/%00 HTTP/1.1\r\n" + HOST + "\r\n"), 400, "Bad Request");
  }

  @Test
  void anInvalidPercentEscapeInTheQuery() {
    RawHttp.Response response = send("GET /dev/open/1?a=%zz HTTP/1.1\r\n" + HOST + "\r\n");

    assertUnreadable(response);
  }

  @Test
  void invalidUtf8InThePathReachesTheFunctionAsSent() {
    // %C3%28 is a valid escape of bytes that are not UTF-8; a REST API passes it still encoded.
    RawHttp.Response response = send("GET /dev/open/%C3%28 HTTP/1.1\r\n" + HOST + "\r\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("GET %C3%28 anonymous");
  }

  @Test
  void aHeaderLargerThanJettysLimit() {
    assertJettyRejects(
        send(get("/dev/open/1", "X-Huge: " + "a".repeat(100_000) + "\r\n")),
        431,
        "Request Header Fields Too Large");
  }

  @Test
  void aBodyThatIsNotJsonReachesAProxyFunctionAsText() {
    // A Lambda proxy integration does not parse the body: API Gateway hands it on as a string.
    int before = handler.invocations.get();

    RawHttp.Response response = send(post("/dev/open/7", JSON_HEADERS, "{not json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("POST 7 anonymous");
    assertThat(handler.invocations).hasValue(before + 1);
  }

  @Test
  void aBodyThatIsNotJsonToAnIamRouteIsRefusedForItsMissingSignature() {
    RawHttp.Response response = send(post("/dev/secure/7", JSON_HEADERS, "{not json"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers())
        .containsEntry("x-amzn-errortype", "MissingAuthenticationTokenException")
        .containsEntry("content-type", "application/json");
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void theCognitoMockAnswersMalformedHttpLikewise() {
    // Malformed JSON and unknown X-Amz-Target are covered over HTTP by WireProtocolTests.
    RawHttp.Response response = RawHttp.exchange(cognito.port(), "GARBAGE\r\n\r\n");

    assertJettyRejects(response, 400, "No URI");
  }

  private static String get(String path, String headers) {
    return "GET " + path + " HTTP/1.1\r\n" + HOST + headers + "\r\n";
  }

  private static String post(String path, String headers, String body) {
    return "POST " + path + " HTTP/1.1\r\n" + HOST + headers + "\r\n" + body;
  }
}
