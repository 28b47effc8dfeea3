package dev.lambdalocal.apigateway.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A request as a client sends it over real HTTP after the AWS SDK v2's {@link AwsV4HttpSigner}
 * signed it (or not), which a test may change before sending.
 *
 * @param method the HTTP method
 * @param uri the full URI, query included
 * @param headers the headers to send, in order; never {@code Host}, which the HTTP client sets
 * @param body the body
 */
record SignedRequest(String method, URI uri, List<Map.Entry<String, String>> headers, String body) {

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  SignedRequest {
    headers = List.copyOf(headers);
  }

  /** Return an HTTP/1.1 client, as API Gateway's callers use over loopback. */
  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Return an unsigned request with the given headers. */
  static SignedRequest unsigned(String method, URI uri, Map<String, String> headers, String body) {
    return new SignedRequest(method, uri, List.copyOf(headers.entrySet()), body);
  }

  /**
   * Sign a request for {@code execute-api} in {@code region} with the SDK's signer, at the time of
   * {@code signingClock}.
   */
  static SignedRequest sign(
      String method,
      URI uri,
      Map<String, String> headers,
      String body,
      AwsCredentialsIdentity credentials,
      String region,
      Clock signingClock) {
    SdkHttpFullRequest.Builder unsigned =
        SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    headers.forEach(unsigned::putHeader);
    SdkHttpRequest signed =
        SIGNER
            .sign(
                SignRequest.builder(credentials)
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock)
                    .build())
            .request();
    List<Map.Entry<String, String>> sent = new ArrayList<>();
    signed
        .headers()
        .forEach(
            (name, values) -> {
              // The HTTP client sets Host itself, to the value that was signed (127.0.0.1:port).
              if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> sent.add(Map.entry(name, value)));
              }
            });
    return new SignedRequest(method, uri, sent, body);
  }

  /** Return the value of a header, matched case-insensitively. */
  String header(String name) {
    return headers.stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no header " + name + " in " + headers));
  }

  /** Return this request with every value of header {@code name} replaced by {@code value}. */
  SignedRequest withHeader(String name, String value) {
    List<Map.Entry<String, String>> changed = new ArrayList<>();
    boolean found = false;
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        changed.add(Map.entry(header.getKey(), value));
        found = true;
      } else {
        changed.add(header);
      }
    }
    if (!found) {
      changed.add(Map.entry(name, value));
    }
    return new SignedRequest(method, uri, changed, body);
  }

  /** Return this request without header {@code name}. */
  SignedRequest withoutHeader(String name) {
    List<Map.Entry<String, String>> changed = new ArrayList<>(headers);
    changed.removeIf(header -> header.getKey().equalsIgnoreCase(name));
    return new SignedRequest(method, uri, changed, body);
  }

  /** Return this request sent to another URI, with the same headers. */
  SignedRequest withUri(URI other) {
    return new SignedRequest(method, other, headers, body);
  }

  /** Return this request with another body, with the same headers. */
  SignedRequest withBody(String other) {
    return new SignedRequest(method, uri, headers, other);
  }

  /** Send the request with {@code client} and return the response as text. */
  HttpResponse<String> send(HttpClient client) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(header -> request.header(header.getKey(), header.getValue()));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted sending " + method + " " + uri, e);
    }
  }
}
