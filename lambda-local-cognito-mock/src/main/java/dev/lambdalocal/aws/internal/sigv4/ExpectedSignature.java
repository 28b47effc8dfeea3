package dev.lambdalocal.aws.internal.sigv4;

import static dev.lambdalocal.aws.internal.sigv4.AuthParameters.X_AMZ_ALGORITHM;
import static dev.lambdalocal.aws.internal.sigv4.AuthParameters.X_AMZ_CREDENTIAL;
import static dev.lambdalocal.aws.internal.sigv4.AuthParameters.X_AMZ_DATE;
import static dev.lambdalocal.aws.internal.sigv4.AuthParameters.X_AMZ_EXPIRES;
import static dev.lambdalocal.aws.internal.sigv4.AuthParameters.X_AMZ_SIGNATURE;
import static dev.lambdalocal.aws.internal.sigv4.AuthParameters.X_AMZ_SIGNED_HEADERS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Computes the signature a request should carry, with the AWS SDK v2 and no cryptography of our
 * own.
 *
 * <p>The SDK's {@link AwsV4HttpSigner} signs the request again from the secret, with the request's
 * own timestamp, signed headers and payload hash. That signer decides for itself which headers to
 * sign, though: it always adds {@code x-amz-content-sha256} and {@code X-Amz-Date}, never signs
 * {@code User-Agent}, sorts the names. Requests from other signers that differ there (botocore,
 * curl's {@code --aws-sigv4}, signers that use the {@code Date} header) cannot be reproduced by it;
 * for those the string to sign is built from {@link CanonicalRequest} and signed with the same
 * SDK's key derivation and HMAC ({@link SignerUtils}, an internal SDK API, so this class is the one
 * place to revisit when the SDK version moves).
 */
final class ExpectedSignature {

  /** Which part of the SDK computed a signature. */
  enum Source {
    SDK_SIGNER,
    SDK_SIGNING_KEY
  }

  /** A computed signature, and how it was computed. */
  record Expected(String signature, Source source) {}

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
  private static final String CONTENT_SHA256 = "x-amz-content-sha256";
  // Headers the SDK's signer never signs, whatever it is given.
  private static final Set<String> UNSIGNABLE_BY_SDK =
      Set.of("connection", "x-amzn-trace-id", "user-agent", "expect", "authorization");
  // Query parameters the SDK's presigner writes itself.
  private static final Set<String> WRITTEN_BY_PRESIGNER =
      Set.of(X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_DATE, X_AMZ_SIGNED_HEADERS, X_AMZ_EXPIRES);

  private ExpectedSignature() {}

  static Expected compute(
      SigV4Request request,
      QueryParameters query,
      AuthParameters auth,
      SigningScope scope,
      String secretAccessKey,
      String payloadHash) {
    Optional<String> bySigner =
        bySdkSigner(request, query, auth, scope, secretAccessKey, payloadHash);
    if (bySigner.isPresent()) {
      return new Expected(bySigner.get(), Source.SDK_SIGNER);
    }
    String canonical = CanonicalRequest.of(request, query, auth, payloadHash);
    String stringToSign = CanonicalRequest.stringToSign(canonical, auth.timestamp(), scope);
    return new Expected(
        bySdkSigningKey(stringToSign, scope, secretAccessKey, auth.timestamp()),
        Source.SDK_SIGNING_KEY);
  }

  /** Sign {@code stringToSign} with the key the SDK derives from the secret and the scope. */
  static String bySdkSigningKey(
      String stringToSign, SigningScope scope, String secretAccessKey, Instant timestamp) {
    byte[] signingKey =
        SignerUtils.deriveSigningKey(
            AwsCredentialsIdentity.create(scope.accessKeyId(), secretAccessKey),
            new CredentialScope(scope.region(), scope.service(), timestamp));
    return Digests.hex(SignerUtils.computeSignature(stringToSign, signingKey));
  }

  private static Optional<String> bySdkSigner(
      SigV4Request request,
      QueryParameters query,
      AuthParameters auth,
      SigningScope scope,
      String secretAccessKey,
      String payloadHash) {
    if (!sdkCanSign(request, query, auth, scope, payloadHash)) {
      return Optional.empty();
    }
    SdkHttpMethod method = sdkMethod(request.method());
    if (method == null) {
      return Optional.empty();
    }
    SdkHttpFullRequest.Builder unsigned =
        SdkHttpFullRequest.builder()
            .method(method)
            .protocol("https")
            // The host is not signed, the Host header is: it is copied below as sent.
            .host("localhost")
            .encodedPath(request.rawPath());
    for (String name : auth.signedHeaders()) {
      unsigned.putHeader(name, request.headers().all(name));
    }
    for (QueryParameters.Parameter parameter : query.all()) {
      String name = parameter.name();
      boolean writtenBySigner =
          auth.presigned() && (name.equals(X_AMZ_SIGNATURE) || WRITTEN_BY_PRESIGNER.contains(name));
      if (!writtenBySigner) {
        unsigned.appendRawQueryParameter(name, parameter.value());
      }
    }
    boolean signPayload = !CanonicalRequest.UNSIGNED_PAYLOAD.equals(payloadHash);
    SignRequest.Builder<AwsCredentialsIdentity> signRequest =
        SignRequest.builder(AwsCredentialsIdentity.create(scope.accessKeyId(), secretAccessKey))
            .request(unsigned.build())
            .payload(ContentStreamProvider.fromByteArrayUnsafe(request.bodyUnsafe()))
            .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region())
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scope.service())
            .putProperty(
                AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(auth.timestamp(), ZoneOffset.UTC))
            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, true)
            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, true)
            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload);
    if (auth.presigned()) {
      signRequest.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING);
      if (auth.expiresSeconds() != null) {
        signRequest.putProperty(
            AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(auth.expiresSeconds()));
      }
    }
    SignedRequest signed;
    try {
      signed = SIGNER.sign(signRequest.build());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a path java.net.URI cannot hold, which the SDK needs
    }
    return signatureIfSameHeaders(signed.request(), auth);
  }

  // Requests the signer would sign differently, known in advance. It writes X-Amz-Date and
  // x-amz-content-sha256 itself, from the timestamp and the payload hash: the request's own values
  // must be exactly those, or a tampered header would go unnoticed.
  private static boolean sdkCanSign(
      SigV4Request request,
      QueryParameters query,
      AuthParameters auth,
      SigningScope scope,
      String payloadHash) {
    for (String name : auth.signedHeaders()) {
      if (UNSIGNABLE_BY_SDK.contains(name) || !request.headers().contains(name)) {
        return false;
      }
    }
    if (!auth.presigned()) {
      RequestHeaders headers = request.headers();
      return !auth.dateFromDateHeader()
          && headers.all(X_AMZ_DATE).size() == 1
          && (!auth.signedHeaders().contains(CONTENT_SHA256)
              || headers.all(CONTENT_SHA256).equals(List.of(payloadHash)));
    }
    for (String name : WRITTEN_BY_PRESIGNER) {
      if (query.count(name) > 1) {
        return false;
      }
    }
    boolean canonicalExpires =
        auth.expiresValue() == null
            || auth.expiresValue().equals(String.valueOf(auth.expiresSeconds()));
    String credential = scope.accessKeyId() + "/" + scope.scope();
    return canonicalExpires && auth.credential().equals(credential);
  }

  // The SDK's name for the method, if it has one spelled exactly so.
  private static SdkHttpMethod sdkMethod(String method) {
    for (SdkHttpMethod candidate : SdkHttpMethod.values()) {
      if (candidate.name().equals(method)) {
        return candidate;
      }
    }
    return null;
  }

  // What it might get wrong otherwise shows in the headers it says it signed.
  private static Optional<String> signatureIfSameHeaders(
      SdkHttpRequest signed, AuthParameters auth) {
    String expectedHeaders = String.join(";", auth.signedHeaders());
    String signedHeaders;
    String signature;
    if (auth.presigned()) {
      signedHeaders = firstQueryValue(signed, X_AMZ_SIGNED_HEADERS);
      signature = firstQueryValue(signed, X_AMZ_SIGNATURE);
    } else {
      String authorization = signed.firstMatchingHeader("Authorization").orElse("");
      signedHeaders = component(authorization, "SignedHeaders=");
      signature = component(authorization, "Signature=");
    }
    return expectedHeaders.equals(signedHeaders)
        ? Optional.ofNullable(signature)
        : Optional.empty();
  }

  private static String firstQueryValue(SdkHttpRequest request, String name) {
    List<String> values = request.rawQueryParameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String component(String authorization, String prefix) {
    int start = authorization.indexOf(prefix);
    if (start < 0) {
      return null;
    }
    start += prefix.length();
    int end = authorization.indexOf(',', start);
    return authorization.substring(start, end < 0 ? authorization.length() : end).strip();
  }
}
