package dev.lambdalocal.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
 * Measure a SigV4-signed request through a non-proxy route — a Lambda integration of type {@code
 * aws} whose request template builds the event and whose response template shapes the answer —
 * beside the same signed request through a Lambda proxy route of the same API. Both verify the
 * signature and invoke a trivial handler in-process; the difference is the mapping templates' work
 * (parsed once when the API is defined, rendered per request). The target is {@code nonProxy} &le;
 * 1.5&times; {@code proxy}.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class NonProxyRoundTripBenchmark {

  private static final String BODY = "{\"hello\":\"world\"}";

  private static final String DEFINITION =
      """
      swagger: "2.0"
      info: {title: bench, version: "1"}
      paths:
        /mapped/{name}:
          get:
            x-amazon-apigateway-auth: {type: aws_iam}
            x-amazon-apigateway-integration:
              type: aws
              httpMethod: POST
              uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:%AWS_ACCOUNT%:function:Mapped/invocations
              requestTemplates:
                application/json: '{"name": "$input.params(''name'')", "caller": "$context.identity.cognitoIdentityId", "stage": "$context.stage"}'
              responses:
                default:
                  statusCode: "200"
                  responseTemplates:
                    application/json: '{"hello":"$input.path(''$.hello'')"}'
      """;

  private CognitoMock cognito;
  private LocalLambda proxyFunction;
  private LocalLambda mappedFunction;
  private ApiGatewayMock api;
  private ApiClient client;
  private Path definition;

  /** Start Cognito and the API, and check one request to each route. */
  @Setup(Level.Trial)
  public void setUp() {
    cognito = CognitoMock.builder().start();
    proxyFunction =
        LocalLambda.builder().handler(SignedApiRoundTripBenchmark.Hello.class).quiet(true).build();
    mappedFunction = LocalLambda.builder().handler(Mapped.class).quiet(true).build();
    try {
      definition = Files.createTempFile("non-proxy-benchmark", ".yaml");
      Files.writeString(definition, DEFINITION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    api =
        ApiGatewayMock.restApi()
            .route("GET", "/hello", proxyFunction, ApiGatewayMock.Authorization.AWS_IAM)
            .definition(definition, Map.of("Mapped", mappedFunction))
            .iamAuthorizer(IamAuthorizer.sigV4(cognito))
            .start();
    client =
        ApiClient.builder()
            .cognito(cognito)
            .baseUri(api.baseUri())
            .identityPoolId(cognito.defaultIdentityPoolId())
            .build();
    check(proxy(), "proxy");
    check(nonProxy(), "nonProxy");
  }

  /** Close everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    client.close();
    api.close();
    proxyFunction.close();
    mappedFunction.close();
    cognito.close();
    Files.deleteIfExists(definition);
  }

  /** A signed GET through a Lambda proxy integration. */
  @Benchmark
  public ApiResponse proxy() {
    return client.get("/hello");
  }

  /**
   * A signed GET through a non-proxy integration: request template, function, response template.
   */
  @Benchmark
  public ApiResponse nonProxy() {
    return client.get("/mapped/world");
  }

  private static void check(ApiResponse response, String benchmark) {
    if (response.statusCode() != 200 || !BODY.equals(response.bodyText())) {
      throw new IllegalStateException(benchmark + " answered " + response);
    }
  }

  /**
   * The handler behind the non-proxy route: greets the name its event carries.
   *
   * @since 0.1.0
   */
  public static final class Mapped implements RequestHandler<Map<String, Object>, Object> {
    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
      return Map.of("hello", event.get("name"));
    }
  }
}
