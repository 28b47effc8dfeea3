package dev.lambdalocal.apigateway.internal.client;

import dev.lambdalocal.apigateway.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;

/**
 * Signs requests to API Gateway with the AWS SDK v2's SigV4 signer (service {@code execute-api})
 * and sends them with {@code java.net.http}: the URI and headers sent are exactly those signed.
 */
public final class SignedRequests implements AutoCloseable {

  /** The service name API Gateway's IAM authorization expects in the credential scope. */
  public static final String SERVICE = "execute-api";

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final HttpClient http;
  private final CognitoSession session;
  private final String region;
  private final Clock clock;
  private final Duration requestTimeout;

  /**
   * Create a sender.
   *
   * @param session the identity whose credentials sign
   * @param region the region of the credential scope
   * @param clock the signing clock ({@code X-Amz-Date})
   * @param connectTimeout the connection timeout
   * @param requestTimeout the timeout of each request, until its response headers
   */
  public SignedRequests(
      CognitoSession session,
      String region,
      Clock clock,
      Duration connectTimeout,
      Duration requestTimeout) {
    this.session = Objects.requireNonNull(session, "session");
    this.region = Objects.requireNonNull(region, "region");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    // HTTP/1.1: no h2c upgrade attempt on plain http (the mocks), the same headers as signed.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Sign and send one request.
   *
   * @param method the HTTP method, one API Gateway knows
   * @param base the API's base URI
   * @param path the path below it
   * @param query decoded query parameter names and their values, in order
   * @param headers extra headers, signed with the request
   * @param body the payload, or null for none
   * @return the response, whatever its status
   * @throws UncheckedIOException naming the method and URI when the request cannot be sent
   */
  public ApiResponse send(
      String method,
      URI base,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      byte[] body) {
    SdkHttpFullRequest.Builder unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .protocol(base.getScheme())
            .host(base.getHost())
            .port(base.getPort() == -1 ? null : base.getPort())
            .encodedPath(RequestUris.joinPath(base, path));
    query.forEach(unsigned::putRawQueryParameter);
    headers.forEach(unsigned::putHeader);
    SdkHttpRequest signed =
        SIGNER
            .sign(
                SignRequest.builder(session.credentials())
                    .request(unsigned.build())
                    .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                    .build())
            .request();
    URI uri = signed.getUri();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              // java.net.http sets Host itself, to the same host[:port] the signer signed.
              if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
              }
            });
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot send " + method + " " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending " + method + " " + uri, e);
    }
  }

  /** Close the HTTP client where the JDK can (21 and later); on 17 it ends when collected. */
  @Override
  public void close() {
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot close the HTTP client", e);
      }
    }
  }
}
