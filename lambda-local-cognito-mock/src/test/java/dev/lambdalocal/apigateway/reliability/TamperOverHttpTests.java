package dev.lambdalocal.apigateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * Requests signed by the AWS SDK v2 with credentials a real {@link CognitoMock} issued, then
 * changed in one part and sent over real HTTP to an {@code AWS_IAM} route: each gets API Gateway's
 * exact status, {@code x-amzn-ErrorType} and message, and none reaches the function.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperOverHttpTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final String AMZ_DATE = "20260101T120000Z";
  private static final String SCOPE = "20260101/us-east-1/execute-api/aws4_request";
  private static final String BODY = "{\"qty\":2}";
  private static final String SIGNED_HEADERS =
      "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token";
  private static final String MISMATCH =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details.\n\nThe Canonical String for this request should have been\n'";
  private static final String INVALID_TOKEN =
      "The security token included in the request is invalid.";

  private final CountingHandler target = new CountingHandler();
  private final CountingHandler control = new CountingHandler();
  private final HttpClient client = SignedRequest.newClient();
  private LocalLambda targetFunction;
  private LocalLambda controlFunction;
  private CognitoMock cognito;
  private ApiGatewayMock api;
  private AwsSessionCredentialsIdentity alice;
  private AwsSessionCredentialsIdentity bob;

  @BeforeAll
  void start() {
    targetFunction = LocalLambda.builder().handlerInstance(target).quiet(true).build();
    controlFunction = LocalLambda.builder().handlerInstance(control).quiet(true).build();
    // A fixed clock for the mock (and so for the skew window and expiry): the expected canonical
    // requests and skew messages below are then exact.
    cognito = CognitoMock.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
    alice = credentialsOf(cognito.getId());
    bob = credentialsOf(cognito.getId());
    api =
        startApi(ApiGatewayMock.restApi().stage("dev").iamAuthorizer(IamAuthorizer.sigV4(cognito)));
  }

  /** Add {@code POST /orders/{id}} on the target and {@code POST /control/{id}} and start. */
  ApiGatewayMock startApi(ApiGatewayMock.Builder builder) {
    return builder
        .route("POST", "/orders/{id}", targetFunction, Authorization.AWS_IAM)
        .route("POST", "/control/{id}", controlFunction, Authorization.AWS_IAM)
        .start();
  }

  LocalLambda targetFunction() {
    return targetFunction;
  }

  LocalLambda controlFunction() {
    return controlFunction;
  }

  private AwsSessionCredentialsIdentity credentialsOf(Identity identity) {
    try (CognitoIdentityClient identityClient = cognito.createClient()) {
      Credentials credentials =
          identityClient
              .getCredentialsForIdentity(r -> r.identityId(identity.identityId()))
              .credentials();
      return AwsSessionCredentialsIdentity.create(
          credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken());
    }
  }

  @AfterEach
  void noTamperedRequestReachedTheFunction() {
    assertThat(target.invocations).hasValue(0);
  }

  @AfterAll
  void stop() {
    try {
      api.close();
      cognito.close();
    } finally {
      targetFunction.close();
      controlFunction.close();
    }
    assertThat(target.invocations).as("invocations over the whole suite").hasValue(0);
  }

  private URI orders(String pathAndQuery) {
    return api.baseUri().resolve(pathAndQuery);
  }

  private SignedRequest signed(AwsCredentialsIdentity credentials, Instant signedAt) {
    return signed("orders/42?x=1", credentials, signedAt);
  }

  private SignedRequest signed(
      String pathAndQuery, AwsCredentialsIdentity credentials, Instant signedAt) {
    return SignedRequest.sign(
        "POST",
        orders(pathAndQuery),
        Map.of("Content-Type", "application/json"),
        BODY,
        credentials,
        cognito.region(),
        Clock.fixed(signedAt, ZoneOffset.UTC));
  }

  private SignedRequest signed() {
    return signed(alice, NOW);
  }

  /** The canonical request API Gateway reports, built by hand from the parts that were sent. */
  private String canonical(
      String path,
      String query,
      String contentType,
      String contentSha256,
      String amzDate,
      String body) {
    return "POST\n"
        + path
        + "\n"
        + query
        + "\n"
        + "content-type:"
        + contentType
        + "\n"
        + "host:127.0.0.1:"
        + api.port()
        + "\n"
        + "x-amz-content-sha256:"
        + contentSha256
        + "\n"
        + "x-amz-date:"
        + amzDate
        + "\n"
        + "x-amz-security-token:"
        + alice.sessionToken()
        + "\n\n"
        + SIGNED_HEADERS
        + "\n"
        + sha256Hex(body);
  }

  private static String mismatch(String canonical, String amzDate) {
    return MISMATCH
        + canonical
        + "'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n"
        + amzDate
        + "\n"
        + SCOPE
        + "\n"
        + sha256Hex(canonical)
        + "'\n";
  }

  private void assertRefused(SignedRequest request, int status, String errorType, String message) {
    HttpResponse<String> response = request.send(client);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response.body());
    Iterator<String> fields = body.fieldNames();
    assertThat(fields.next()).isEqualTo("message");
    assertThat(fields.hasNext()).as("fields other than message in %s", body).isFalse();
    assertThat(body.path("message").asText()).isEqualTo(message);
  }

  @Test
  void theSameSigningUntamperedReachesAnIdenticalRoute() {
    HttpResponse<String> response = signed("control/42?x=1", alice, NOW).send(client);

    assertThat(response.statusCode()).isEqualTo(200);
    String identityId = cognito.issuedCredentials(alice.accessKeyId()).orElseThrow().identityId();
    assertThat(response.body()).isEqualTo(CountingHandler.expectedBody("POST", "42", identityId));
    assertThat(control.invocations).hasValue(1);
  }

  @Test
  void aChangedBody() {
    SignedRequest original = signed();

    assertRefused(
        original.withBody("{\"qty\":200}"),
        403,
        "InvalidSignatureException",
        mismatch(
            canonical(
                "/dev/orders/42",
                "x=1",
                "application/json",
                original.header("x-amz-content-sha256"),
                AMZ_DATE,
                "{\"qty\":200}"),
            AMZ_DATE));
  }

  @Test
  void aChangedXAmzDate() {
    SignedRequest original = signed();

    assertRefused(
        original.withHeader("X-Amz-Date", "20260101T120001Z"),
        403,
        "InvalidSignatureException",
        mismatch(
            canonical(
                "/dev/orders/42",
                "x=1",
                "application/json",
                original.header("x-amz-content-sha256"),
                "20260101T120001Z",
                BODY),
            "20260101T120001Z"));
  }

  @Test
  void aChangedSecurityToken() {
    assertRefused(
        signed().withHeader("X-Amz-Security-Token", alice.sessionToken() + "x"),
        403,
        "AccessDeniedException",
        INVALID_TOKEN);
  }

  @Test
  void aChangedContentSha256() {
    String forged = sha256Hex("{\"qty\":200}");

    assertRefused(
        signed().withHeader("x-amz-content-sha256", forged).withBody("{\"qty\":200}"),
        403,
        "InvalidSignatureException",
        mismatch(
            canonical(
                "/dev/orders/42", "x=1", "application/json", forged, AMZ_DATE, "{\"qty\":200}"),
            AMZ_DATE));
  }

  @Test
  void aChangedContentType() {
    SignedRequest original = signed();

    assertRefused(
        original.withHeader("Content-Type", "text/plain"),
        403,
        "InvalidSignatureException",
        mismatch(
            canonical(
                "/dev/orders/42",
                "x=1",
                "text/plain",
                original.header("x-amz-content-sha256"),
                AMZ_DATE,
                BODY),
            AMZ_DATE));
  }

  @Test
  void aChangedPath() {
    SignedRequest original = signed();

    assertRefused(
        original.withUri(orders("orders/43?x=1")),
        403,
        "InvalidSignatureException",
        mismatch(
            canonical(
                "/dev/orders/43",
                "x=1",
                "application/json",
                original.header("x-amz-content-sha256"),
                AMZ_DATE,
                BODY),
            AMZ_DATE));
  }

  @Test
  void aChangedQuery() {
    SignedRequest original = signed();

    assertRefused(
        original.withUri(orders("orders/42?x=1&admin=true")),
        403,
        "InvalidSignatureException",
        mismatch(
            canonical(
                "/dev/orders/42",
                "admin=true&x=1",
                "application/json",
                original.header("x-amz-content-sha256"),
                AMZ_DATE,
                BODY),
            AMZ_DATE));
  }

  @Test
  void aSignatureSixMinutesOld() {
    assertRefused(
        signed(alice, NOW.minus(Duration.ofMinutes(6))),
        403,
        "InvalidSignatureException",
        "Signature expired: 20260101T115400Z is now earlier than 20260101T115500Z"
            + " (20260101T120000Z - 5 min.)");
  }

  @Test
  void aSignatureSixMinutesAhead() {
    assertRefused(
        signed(alice, NOW.plus(Duration.ofMinutes(6))),
        403,
        "InvalidSignatureException",
        "Signature not yet current: 20260101T120600Z is still later than 20260101T120500Z"
            + " (20260101T120000Z + 5 min.)");
  }

  @Test
  void anotherIdentitysSessionToken() {
    AwsSessionCredentialsIdentity aliceWithBobsToken =
        AwsSessionCredentialsIdentity.create(
            alice.accessKeyId(), alice.secretAccessKey(), bob.sessionToken());

    assertRefused(signed(aliceWithBobsToken, NOW), 403, "AccessDeniedException", INVALID_TOKEN);
  }

  @Test
  void anotherIdentitysSecretKey() {
    AwsSessionCredentialsIdentity aliceWithBobsSecret =
        AwsSessionCredentialsIdentity.create(
            alice.accessKeyId(), bob.secretAccessKey(), alice.sessionToken());
    SignedRequest request = signed(aliceWithBobsSecret, NOW);

    assertRefused(
        request,
        403,
        "InvalidSignatureException",
        mismatch(
            canonical(
                "/dev/orders/42",
                "x=1",
                "application/json",
                request.header("x-amz-content-sha256"),
                AMZ_DATE,
                BODY),
            AMZ_DATE));
  }

  @Test
  void anUnknownAccessKey() {
    AwsSessionCredentialsIdentity unknown =
        AwsSessionCredentialsIdentity.create(
            "ASIAZZZZZZZZZZZZZZZZ", alice.secretAccessKey(), alice.sessionToken());

    assertRefused(signed(unknown, NOW), 403, "AccessDeniedException", INVALID_TOKEN);
  }

  @Test
  void basicAuthorization() {
    // Base64 padding gives the one parameter an equal-sign: every SigV4 part is then missing.
    String authorization = "Basic dXNlcjpwYXNzd29yZA==";

    assertRefused(
        unsignedWith(authorization),
        403,
        "IncompleteSignatureException",
        "Authorization header requires 'Credential' parameter. Authorization header requires"
            + " 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."
            + " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date'"
            + " header. (Hashed with SHA-256 and encoded with Base64) Authorization="
            + sha256Base64(authorization));
  }

  @Test
  void bearerAuthorization() {
    // A Cognito user pool JWT, as sent to an IAM route by mistake: no equal-sign at all.
    String authorization = "Bearer eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhIn0.c2ln";

    assertRefused(
        unsignedWith(authorization),
        403,
        "IncompleteSignatureException",
        "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256"
            + " and encoded with Base64): '"
            + sha256Base64(authorization)
            + "'.");
  }

  @Test
  void theSignatureWithoutItsAuthorizationHeader() {
    assertRefused(
        signed().withoutHeader("Authorization"),
        403,
        "MissingAuthenticationTokenException",
        "Missing Authentication Token");
  }

  private SignedRequest unsignedWith(String authorization) {
    return SignedRequest.unsigned(
        "POST",
        orders("orders/42?x=1"),
        Map.of("Content-Type", "application/json", "Authorization", authorization),
        BODY);
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  private static String sha256Base64(String text) {
    return Base64.getEncoder().encodeToString(sha256(text));
  }
}
