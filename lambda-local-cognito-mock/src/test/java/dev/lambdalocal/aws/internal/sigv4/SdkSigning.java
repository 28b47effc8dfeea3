package dev.lambdalocal.aws.internal.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests the way a client does, with the AWS SDK v2's {@link AwsV4HttpSigner}, and turns
 * the result into the {@link SigV4Request} API Gateway would receive.
 */
final class SdkSigning {

  static final String REGION = "us-east-1";
  static final String HOST = "abc123defg.execute-api.us-east-1.amazonaws.com";

  /** The verifier's "now" in most tests. */
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private SdkSigning() {}

  /** Start an unsigned HTTPS request to the test API. */
  static SdkHttpFullRequest.Builder request(SdkHttpMethod method, String encodedPath) {
    return SdkHttpFullRequest.builder()
        .method(method)
        .protocol("https")
        .host(HOST)
        .encodedPath(encodedPath);
  }

  /** Sign in the Authorization header at {@link #NOW}, the SDK's defaults otherwise. */
  static SigV4Request sign(SdkHttpFullRequest.Builder request, AwsCredentialsIdentity identity) {
    return sign(request, "", identity, NOW, properties -> {});
  }

  /** Sign in the Authorization header. */
  static SigV4Request sign(
      SdkHttpFullRequest.Builder request,
      String body,
      AwsCredentialsIdentity identity,
      Instant signedAt,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> properties) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SignRequest.Builder<AwsCredentialsIdentity> signRequest =
        SignRequest.builder(identity)
            .request(request.build())
            .payload(ContentStreamProvider.fromByteArray(bytes))
            .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
            .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC));
    properties.accept(signRequest);
    return toSigV4Request(SIGNER.sign(signRequest.build()).request(), bytes);
  }

  /** Presign in the query string at {@link #NOW}. */
  static SigV4Request presign(
      SdkHttpFullRequest.Builder request, AwsCredentialsIdentity identity, Duration expires) {
    return sign(
        request,
        "",
        identity,
        NOW,
        properties ->
            properties
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires));
  }

  /** Return what the server sees of a signed request: the encoded path and query, the headers. */
  static SigV4Request toSigV4Request(SdkHttpRequest signed, byte[] body) {
    return SigV4Request.builder()
        .method(signed.method().name())
        .rawPath(signed.encodedPath())
        .rawQuery(signed.encodedQueryParameters().orElse(""))
        .headers(RequestHeaders.of(signed.headers()))
        .body(body)
        .build();
  }

  /** Return the request with every value of one header replaced (or the header added). */
  static SigV4Request withHeader(SigV4Request request, String name, String value) {
    RequestHeaders.Builder headers = RequestHeaders.builder();
    boolean replaced = false;
    for (Map.Entry<String, List<String>> header : request.headers().asMap().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        headers.add(header.getKey(), value);
        replaced = true;
      } else {
        header.getValue().forEach(v -> headers.add(header.getKey(), v));
      }
    }
    if (!replaced) {
      headers.add(name, value);
    }
    return copy(request).headers(headers.build()).build();
  }

  /** Return the request without a header. */
  static SigV4Request withoutHeader(SigV4Request request, String name) {
    RequestHeaders.Builder headers = RequestHeaders.builder();
    request
        .headers()
        .asMap()
        .forEach(
            (key, values) -> {
              if (!key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(key, value));
              }
            });
    return copy(request).headers(headers.build()).build();
  }

  /** Return a builder holding everything the request holds. */
  static SigV4Request.Builder copy(SigV4Request request) {
    return SigV4Request.builder()
        .method(request.method())
        .rawPath(request.rawPath())
        .rawQuery(request.rawQuery())
        .headers(request.headers())
        .body(request.body());
  }
}
