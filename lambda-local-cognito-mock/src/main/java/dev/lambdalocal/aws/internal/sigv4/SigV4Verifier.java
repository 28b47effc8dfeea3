package dev.lambdalocal.aws.internal.sigv4;

import dev.lambdalocal.aws.internal.sigv4.ExpectedSignature.Expected;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Verified;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Decides, for one request to a route with IAM ({@code AWS_IAM}) authorization, what API Gateway
 * decides: whether it carries a valid Signature Version 4 made with live credentials, and if not,
 * which 403 API Gateway answers with.
 *
 * <p>Both forms are verified: the {@code Authorization} header and the presigned query string
 * ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, …). The checks run in the order AWS runs
 * them, so a request with several faults gets the error AWS would report: the presence of the
 * signature's parts, the date's format and the 5-minute clock skew, {@code host} among the signed
 * headers, the algorithm, the credential scope, the access key, the session token of temporary
 * credentials, their expiry and, last, the signature, which the AWS SDK computes (see {@link
 * ExpectedSignature}) and which is compared in constant time.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SigV4Verifier {

  /** The service name API Gateway's execute API expects in the credential scope. */
  public static final String EXECUTE_API = "execute-api";

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final CredentialsResolver credentials;
  private final Clock clock;
  private final String region;
  private final String service;

  private SigV4Verifier(Builder builder) {
    this.credentials = Objects.requireNonNull(builder.credentials, "credentials");
    this.region = Objects.requireNonNull(builder.region, "region");
    this.clock = builder.clock;
    this.service = builder.service;
  }

  /** Return a builder; the credentials resolver and the region are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verify one request.
   *
   * @param request the request as API Gateway received it
   * @return {@link Verified} with the principal of the signing credentials, or {@link
   *     VerificationResult.Rejected} with API Gateway's status, error type and message
   */
  public VerificationResult verify(SigV4Request request) {
    try {
      return check(request);
    } catch (Rejection rejection) {
      return rejection.result();
    }
  }

  private Verified check(SigV4Request request) throws Rejection {
    QueryParameters query = QueryParameters.parse(request.rawQuery());
    AuthParameters auth = readAuthParameters(request, query);
    checkTime(auth);
    if (!auth.signedHeaders().contains("host")) {
      throw ApiGatewayErrors.hostNotSigned();
    }
    if (!CanonicalRequest.ALGORITHM.equals(auth.algorithm())) {
      throw ApiGatewayErrors.unsupportedAlgorithm(auth.algorithm());
    }
    SigningScope scope = SigningScope.parse(auth.credential());
    scope.check(region, service, auth.timestamp());
    ResolvedCredentials resolved =
        credentials.resolve(scope.accessKeyId()).orElseThrow(ApiGatewayErrors::invalidToken);
    // Temporary credentials are found through their token, so AWS checks it before the
    // signature; a token sent with a long-term key is only looked at after it.
    boolean temporary = resolved.sessionToken() != null;
    if (temporary
        && (auth.securityToken() == null
            || !Digests.constantTimeEquals(resolved.sessionToken(), auth.securityToken()))) {
      throw ApiGatewayErrors.invalidToken();
    }
    if (resolved.expiration() != null && !clock.instant().isBefore(resolved.expiration())) {
      throw ApiGatewayErrors.expiredToken();
    }
    checkSignature(request, query, auth, scope, resolved.secretAccessKey());
    if (!temporary && auth.securityToken() != null) {
      throw ApiGatewayErrors.invalidToken();
    }
    return new Verified(resolved.principal(), scope.accessKeyId());
  }

  private static AuthParameters readAuthParameters(SigV4Request request, QueryParameters query)
      throws Rejection {
    // API Gateway reads the header when there is one, the query string otherwise.
    var authorization = request.headers().first("Authorization");
    if (authorization.isPresent()) {
      return AuthParameters.fromHeader(authorization.get(), request.headers());
    }
    if (query.contains(AuthParameters.X_AMZ_ALGORITHM)) {
      return AuthParameters.fromQuery(query);
    }
    throw ApiGatewayErrors.missingAuthenticationToken();
  }

  private void checkTime(AuthParameters auth) throws Rejection {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant signedAt = auth.timestamp();
    if (signedAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw ApiGatewayErrors.signatureNotYetCurrent(signedAt, now, CLOCK_SKEW);
    }
    // A presigned URL lives for X-Amz-Expires; how AWS words its end is not known (see errors).
    Duration lifetime =
        auth.expiresSeconds() == null ? CLOCK_SKEW : Duration.ofSeconds(auth.expiresSeconds());
    if (signedAt.isBefore(now.minus(lifetime))) {
      throw ApiGatewayErrors.signatureExpired(signedAt, now, lifetime);
    }
  }

  private static void checkSignature(
      SigV4Request request,
      QueryParameters query,
      AuthParameters auth,
      SigningScope scope,
      String secretAccessKey)
      throws Rejection {
    List<String> payloadHashes = payloadHashes(request, auth);
    for (String payloadHash : payloadHashes) {
      Expected expected =
          ExpectedSignature.compute(request, query, auth, scope, secretAccessKey, payloadHash);
      if (Digests.constantTimeEquals(expected.signature(), auth.signature())) {
        return;
      }
    }
    String canonical = CanonicalRequest.of(request, query, auth, payloadHashes.get(0));
    throw ApiGatewayErrors.signatureMismatch(
        canonical, CanonicalRequest.stringToSign(canonical, auth.timestamp(), scope));
  }

  /**
   * Return the payload hashes a valid signature may have used, the one API Gateway reports first. A
   * header-signed request declares {@code UNSIGNED-PAYLOAD} in {@code x-amz-content-sha256} or
   * signs the body's hash. Presigned URLs carry no such header: botocore and most signers hash the
   * (usually empty) body, the Java SDK's presigner signs {@code UNSIGNED-PAYLOAD}; both are taken.
   */
  private static List<String> payloadHashes(SigV4Request request, AuthParameters auth) {
    String bodyHash = Digests.sha256Hex(request.bodyUnsafe());
    if (auth.presigned()) {
      return List.of(bodyHash, CanonicalRequest.UNSIGNED_PAYLOAD);
    }
    boolean unsigned =
        request
            .headers()
            .first("x-amz-content-sha256")
            .map(CanonicalRequest.UNSIGNED_PAYLOAD::equals)
            .orElse(false);
    return List.of(unsigned ? CanonicalRequest.UNSIGNED_PAYLOAD : bodyHash);
  }

  /** Builds a {@link SigV4Verifier}; not thread-safe. */
  public static final class Builder {

    private CredentialsResolver credentials;
    private Clock clock = Clock.systemUTC();
    private String region;
    private String service = EXECUTE_API;

    private Builder() {}

    /** Set where access key ids are looked up. Required. */
    public Builder credentials(CredentialsResolver credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Set the clock the skew window and credential expiry are measured by; UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Set the region of the API, e.g. {@code us-east-1}. Required. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Set the service the credential scope must name; {@value SigV4Verifier#EXECUTE_API} by
     * default.
     */
    public Builder service(String service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /** Return the verifier. */
    public SigV4Verifier build() {
      return new SigV4Verifier(this);
    }
  }
}
