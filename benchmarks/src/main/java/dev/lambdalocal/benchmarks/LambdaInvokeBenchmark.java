package dev.lambdalocal.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdalocal.lambda.LambdaServiceMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Measure {@code LambdaClient.invoke} (RequestResponse, a 17-byte payload) on loopback against the
 * offline Lambda service — SigV4 verification, routing, a warm function run from its ZIP with
 * lambda-local's runtime — and against a plain WireMock stub that answers the same call with a
 * canned response of the same size and headers. Both clients are built the same way
 * (url-connection-client, static credentials, endpoint override, no profile file). The target is
 * {@code offlineService} &le; 1.5&times; {@code staticStub}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LambdaInvokeBenchmark
 * </pre>
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class LambdaInvokeBenchmark {

  private static final String PAYLOAD = "{\"ping\":\"pong\"}";

  /** The function: answers with its input, as an echo function would. */
  public static class Echo implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
        throws IOException {
      input.transferTo(output);
    }
  }

  private LambdaServiceMock service;
  private WireMockServer stub;
  private LambdaClient serviceClient;
  private LambdaClient stubClient;
  private SdkBytes payload;

  /** Start the service (with the function deployed) and the stub, and check one call of each. */
  @Setup(Level.Trial)
  public void setUp() {
    service =
        LambdaServiceMock.builder()
            .console(new PrintStream(OutputStream.nullOutputStream()))
            .start();
    serviceClient = client(service.endpoint(), service.credentials());
    serviceClient.createFunction(
        r ->
            r.functionName("echo")
                .runtime("java21")
                .handler(Echo.class.getName())
                .role("arn:aws:iam::123456789012:role/echo")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zipOf(Echo.class)))));
    stub = LoopbackStubServer.start();
    stub.stubFor(
        post(urlPathEqualTo("/2015-03-31/functions/echo/invocations"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-RequestId", "8f5d1c1e-8a36-4d3b-9d2f-1f0a4b2c3d4e")
                    .withHeader("X-Amz-Executed-Version", "$LATEST")
                    .withBody(PAYLOAD)));
    stubClient =
        client(
            URI.create("http://127.0.0.1:" + stub.port()),
            AwsBasicCredentials.create(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    payload = SdkBytes.fromUtf8String(PAYLOAD);
    check(offlineService(), "offlineService");
    check(staticStub(), "staticStub");
  }

  /** Close the clients and stop both servers. */
  @TearDown(Level.Trial)
  public void tearDown() {
    serviceClient.close();
    stubClient.close();
    service.close();
    stub.stop();
  }

  /** {@code Invoke} against the offline Lambda service. */
  @Benchmark
  public InvokeResponse offlineService() {
    return serviceClient.invoke(r -> r.functionName("echo").payload(payload));
  }

  /** The same call against a WireMock stub with a canned answer. */
  @Benchmark
  public InvokeResponse staticStub() {
    return stubClient.invoke(r -> r.functionName("echo").payload(payload));
  }

  private static void check(InvokeResponse response, String benchmark) {
    if (response.statusCode() != 200 || !response.payload().asUtf8String().equals(PAYLOAD)) {
      throw new IllegalStateException(
          benchmark + ": unexpected answer " + response + " " + response.payload().asUtf8String());
    }
  }

  private static LambdaClient client(URI endpoint, AwsBasicCredentials credentials) {
    return LambdaClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.defaultProfileFile(ProfileFile.aggregator().build()))
        .build();
  }

  private static byte[] zipOf(Class<?> type) {
    String entry = type.getName().replace('.', '/') + ".class";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
      zip.putNextEntry(new ZipEntry(entry));
      in.transferTo(zip);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
