package dev.lambdalocal.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdalocal.cognito.CognitoMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * Measure a Cognito Identity round trip on loopback through the AWS SDK v2 client — {@code GetId}
 * for a new unauthenticated identity, then {@code GetCredentialsForIdentity} for it — against
 * lambda-local's {@link CognitoMock} and against a plain WireMock server that answers both calls
 * with fixed, valid responses of the same size.
 *
 * <p>Both clients are built the same way (url-connection-client, static dummy credentials, endpoint
 * override to {@code 127.0.0.1}, no profile file), and the stub server runs with the per-request
 * options the mock gives its own WireMock server, so the difference is the mock's own work: parsing
 * and validating the request, creating the identity and issuing credentials it remembers. The
 * target is {@code cognitoMock} &le; 2&times; {@code staticStub}.
 *
 * <p>{@code cognitoMockRawHttp} and {@code staticStubRawHttp} send the same two requests (the SDK's
 * body and {@code Content-Type} and {@code X-Amz-Target} headers) with a bare {@link
 * HttpURLConnection} in its default, buffered mode. They show the servers without most of the
 * client's cost: the SDK's client sets a fixed-length streaming mode, which sends the headers and
 * the body in separate writes, and on Linux loopback each such request takes about a millisecond
 * longer. See {@code docs/performance.md} for the results.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
// The SDK, Jetty and WireMock take about 15 s of calls before the time per call stops falling.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class CognitoRoundTripBenchmark {

  private static final String STUB_POOL_ID = "us-east-1:0a1b2c3d-1111-4222-8333-444455556666";
  private static final String STUB_IDENTITY_ID = "us-east-1:6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
  private static final String TARGET_PREFIX = "AWSCognitoIdentityService.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CognitoMock cognito;
  private WireMockServer stub;
  private CognitoIdentityClient mockClient;
  private CognitoIdentityClient stubClient;
  private String mockPoolId;
  private URI mockEndpoint;
  private URI stubEndpoint;

  /** Start the mock and the stub, build a client for each and check one round trip of each. */
  @Setup(Level.Trial)
  public void setUp() {
    cognito = CognitoMock.builder().start();
    mockPoolId = cognito.defaultIdentityPoolId();
    mockEndpoint = cognito.endpoint();
    mockClient = client(mockEndpoint);
    stub = startStub();
    stubEndpoint = URI.create("http://127.0.0.1:" + stub.port());
    stubClient = client(stubEndpoint);
    check(roundTrip(mockClient, mockPoolId), "cognitoMock");
    check(roundTrip(stubClient, STUB_POOL_ID), "staticStub");
    check(rawRoundTrip(mockEndpoint, mockPoolId), "cognitoMockRawHttp");
    check(rawRoundTrip(stubEndpoint, STUB_POOL_ID), "staticStubRawHttp");
  }

  /** Close the clients and stop both servers. */
  @TearDown(Level.Trial)
  public void tearDown() {
    mockClient.close();
    stubClient.close();
    cognito.close();
    stub.stop();
  }

  /** {@code GetId} and {@code GetCredentialsForIdentity} against the Cognito mock. */
  @Benchmark
  public Credentials cognitoMock() {
    return roundTrip(mockClient, mockPoolId);
  }

  /** The same two calls against WireMock stubs that return fixed responses. */
  @Benchmark
  public Credentials staticStub() {
    return roundTrip(stubClient, STUB_POOL_ID);
  }

  /** {@code GetId} and {@code GetCredentialsForIdentity} against the mock, over bare HTTP. */
  @Benchmark
  public JsonNode cognitoMockRawHttp() {
    return rawRoundTrip(mockEndpoint, mockPoolId);
  }

  /** The same two requests against the static stubs, over bare HTTP. */
  @Benchmark
  public JsonNode staticStubRawHttp() {
    return rawRoundTrip(stubEndpoint, STUB_POOL_ID);
  }

  private static Credentials roundTrip(CognitoIdentityClient client, String poolId) {
    String identityId = client.getId(r -> r.identityPoolId(poolId)).identityId();
    return client.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
  }

  private static JsonNode rawRoundTrip(URI endpoint, String poolId) {
    String identityId =
        send(endpoint, "GetId", "{\"IdentityPoolId\":\"" + poolId + "\"}")
            .path("IdentityId")
            .asText();
    return send(endpoint, "GetCredentialsForIdentity", "{\"IdentityId\":\"" + identityId + "\"}")
        .path("Credentials");
  }

  /**
   * POST one AWS JSON 1.1 request as the SDK's client does, but buffered: headers and body leave in
   * one write.
   */
  private static JsonNode send(URI endpoint, String operation, String body) {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
      connection.setRequestProperty("X-Amz-Target", TARGET_PREFIX + operation);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      if (status != 200) {
        throw new IllegalStateException(operation + " answered HTTP " + status);
      }
      // Read to the end, so that the connection goes back to the keep-alive cache.
      try (InputStream in = connection.getInputStream()) {
        return JSON.readTree(in.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalStateException(operation + " failed: " + e, e);
    }
  }

  /** Build a client the way {@link CognitoMock#createClient()} does, for any endpoint. */
  private static CognitoIdentityClient client(URI endpoint) {
    return CognitoIdentityClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    CognitoMock.DUMMY_ACCESS_KEY_ID, CognitoMock.DUMMY_SECRET_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.defaultProfileFile(ProfileFile.aggregator().build()))
        .build();
  }

  /** Start a {@link LoopbackStubServer} with two static stubs. */
  private static WireMockServer startStub() {
    WireMockServer server = LoopbackStubServer.start();
    server.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("AWSCognitoIdentityService.GetId"))
            .willReturn(okJson("{\"IdentityId\":\"" + STUB_IDENTITY_ID + "\"}")));
    server.stubFor(
        post("/")
            .withHeader(
                "X-Amz-Target", equalTo("AWSCognitoIdentityService.GetCredentialsForIdentity"))
            .willReturn(okJson(credentialsResponse())));
    return server;
  }

  /**
   * Return a {@code GetCredentialsForIdentity} response shaped and sized as the mock's: a 20
   * character {@code ASIA} key id, a 40 character secret key and an 816 character session token.
   */
  private static String credentialsResponse() {
    String sessionToken = "IQoJb3JpZ2luX2Vj" + "A".repeat(800);
    return "{\"Credentials\":{\"AccessKeyId\":\"ASIAQ2UV3WXYZ4567ABC\","
        + "\"SecretKey\":\"wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY1\","
        + "\"SessionToken\":\""
        + sessionToken
        + "\",\"Expiration\":1.798765432E9},"
        + "\"IdentityId\":\""
        + STUB_IDENTITY_ID
        + "\"}";
  }

  private static void check(JsonNode credentials, String name) {
    if (!credentials.path("AccessKeyId").asText().startsWith("ASIA")
        || !credentials.path("Expiration").isNumber()) {
      throw new IllegalStateException(name + " returned no usable credentials: " + credentials);
    }
  }

  private static void check(Credentials credentials, String name) {
    if (credentials == null
        || credentials.accessKeyId() == null
        || !credentials.accessKeyId().startsWith("ASIA")
        || credentials.expiration() == null) {
      throw new IllegalStateException(name + " returned no usable credentials: " + credentials);
    }
  }
}
