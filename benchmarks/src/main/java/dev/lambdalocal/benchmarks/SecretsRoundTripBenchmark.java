package dev.lambdalocal.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.lambdalocal.account.OfflineAccount;
import java.net.URI;
import java.net.URISyntaxException;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Measure {@code GetSecretValue} through the AWS SDK v2 client against the offline account's one
 * endpoint ({@link OfflineAccount}: routing, SigV4 verification, the Secrets Manager store) and
 * against a plain WireMock server that answers with the same response body, recorded from the
 * account. Both clients are built the same way (url-connection-client, the account's key, endpoint
 * override to {@code 127.0.0.1}, no profile file). The target is {@code offlineAccount} &le;
 * 1.5&times; {@code staticStub}.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class SecretsRoundTripBenchmark {

  private static final String SECRET = "prod/db-password";

  private OfflineAccount account;
  private WireMockServer stub;
  private SecretsManagerClient accountClient;
  private SecretsManagerClient stubClient;

  /** Start the account and the stub, and check that both answer with the same body. */
  @Setup(Level.Trial)
  public void setUp() throws URISyntaxException {
    account = OfflineAccount.builder().extensionPort(0).secret(SECRET, "s3cr3t-value").start();
    accountClient = client(account.endpoint());
    String body = accountClient.getSecretValue(r -> r.secretId(SECRET)).toString();
    // The per-request options of the account's own server, so the difference is the account's
    // work: routing, SigV4 verification, the store.
    stub = LoopbackStubServer.start();
    stub.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
            .willReturn(
                WireMock.aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(recorded(account))));
    stubClient = client(new URI("http://127.0.0.1:" + stub.port()));
    String stubbed = stubClient.getSecretValue(r -> r.secretId(SECRET)).toString();
    if (!stubbed.equals(body)) {
      throw new IllegalStateException("stub answers " + stubbed + ", account " + body);
    }
  }

  /** The account's response to the call, as JSON of the same members and size. */
  private static String recorded(OfflineAccount account) {
    var response =
        account
            .secretsManager()
            .secretString(SECRET)
            .orElseThrow(() -> new IllegalStateException("no secret"));
    try (SecretsManagerClient client = client(account.endpoint())) {
      var value = client.getSecretValue(r -> r.secretId(SECRET));
      return "{\"ARN\":\""
          + value.arn()
          + "\",\"CreatedDate\":"
          + value.createdDate().toEpochMilli() / 1000.0
          + ",\"Name\":\""
          + value.name()
          + "\",\"SecretString\":\""
          + response
          + "\",\"VersionId\":\""
          + value.versionId()
          + "\",\"VersionStages\":[\"AWSCURRENT\"]}";
    }
  }

  /** Close the clients and stop both servers. */
  @TearDown(Level.Trial)
  public void tearDown() {
    accountClient.close();
    stubClient.close();
    account.close();
    stub.stop();
  }

  /** {@code GetSecretValue} against the offline account's one endpoint. */
  @Benchmark
  public String offlineAccount() {
    return accountClient.getSecretValue(r -> r.secretId(SECRET)).secretString();
  }

  /** The same call against a WireMock stub with the same canned response. */
  @Benchmark
  public String staticStub() {
    return stubClient.getSecretValue(r -> r.secretId(SECRET)).secretString();
  }

  private static SecretsManagerClient client(URI endpoint) {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    OfflineAccount.ACCESS_KEY_ID, OfflineAccount.SECRET_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.defaultProfileFile(ProfileFile.aggregator().build()))
        .build();
  }
}
