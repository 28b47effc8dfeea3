package dev.lambdalocal.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measure a SigV4-signed request's round trip on loopback: {@link ApiClient} signs a {@code GET}
 * with credentials from the Cognito mock and sends it to an {@link ApiGatewayMock} route with
 * {@code AWS_IAM} authorization, which verifies the signature, builds API Gateway's event and
 * invokes a trivial handler in-process; side by side with the same client sending the same signed
 * request to a plain WireMock static stub ({@link LoopbackStubServer}: the API server's per-request
 * options) that answers with the same body. The difference is the mock's own work (verification,
 * the event, the handler); the target is {@code signedApi} &le; 1.5&times; {@code staticStub}.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class SignedApiRoundTripBenchmark {

  private static final String BODY = "{\"hello\":\"world\"}";

  private CognitoMock cognito;
  private LocalLambda function;
  private ApiGatewayMock api;
  private WireMockServer stub;
  private ApiClient apiClient;
  private ApiClient stubClient;

  /** Start Cognito, the API and the stub, and check one request to each. */
  @Setup(Level.Trial)
  public void setUp() {
    cognito = CognitoMock.builder().start();
    function = LocalLambda.builder().handler(Hello.class).quiet(true).build();
    api =
        ApiGatewayMock.restApi()
            .route("GET", "/hello", function, ApiGatewayMock.Authorization.AWS_IAM)
            .iamAuthorizer(IamAuthorizer.sigV4(cognito))
            .start();
    stub = LoopbackStubServer.start();
    stub.stubFor(
        get("/dev/hello")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(BODY)));
    apiClient = client(api.baseUri());
    stubClient = client(URI.create("http://127.0.0.1:" + stub.port() + "/dev/"));
    check(signedApi(), "signedApi");
    check(staticStub(), "staticStub");
  }

  private ApiClient client(URI baseUri) {
    return ApiClient.builder()
        .cognito(cognito)
        .baseUri(baseUri)
        .identityPoolId(cognito.defaultIdentityPoolId())
        .build();
  }

  /** Close everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    apiClient.close();
    stubClient.close();
    api.close();
    function.close();
    stub.stop();
    cognito.close();
  }

  /** A signed GET through SigV4 verification and the in-process handler. */
  @Benchmark
  public ApiResponse signedApi() {
    return apiClient.get("/hello");
  }

  /** The same signed GET answered by a static stub. */
  @Benchmark
  public ApiResponse staticStub() {
    return stubClient.get("/hello");
  }

  private static void check(ApiResponse response, String benchmark) {
    if (response.statusCode() != 200 || !BODY.equals(response.bodyText())) {
      throw new IllegalStateException(benchmark + " answered " + response);
    }
  }

  /**
   * The handler behind the route: answers a fixed body.
   *
   * @since 0.1.0
   */
  public static final class Hello
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent event, Context context) {
      return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(BODY);
    }
  }
}
