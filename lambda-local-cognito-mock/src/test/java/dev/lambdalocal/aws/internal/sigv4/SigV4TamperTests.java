package dev.lambdalocal.aws.internal.sigv4;

import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.NOW;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.copy;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.request;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.withHeader;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.withoutHeader;
import static dev.lambdalocal.aws.internal.sigv4.TestCredentials.ALICE;
import static dev.lambdalocal.aws.internal.sigv4.TestCredentials.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Rejected;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Correctly signed requests changed in any signed part are refused as API Gateway refuses them. */
class SigV4TamperTests {

  private static final String BODY = "{\"name\":\"Rex\"}";
  private static final String MISMATCH =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details.\n\nThe Canonical String for this request should have been\n'";
  private static final Rejected INVALID_TOKEN =
      new Rejected(
          403, "AccessDeniedException", "The security token included in the request is invalid.");

  private final SigV4Verifier verifier = verifierAt(NOW);

  /** POST /dev/pets?page=2&tag=a, signed by Alice with content-type, host, date and token. */
  static SigV4Request signed() {
    return signed(ALICE, NOW);
  }

  static SigV4Request signed(AwsCredentialsIdentity identity, Instant at) {
    return SdkSigning.sign(
        request(SdkHttpMethod.POST, "/dev/pets")
            .putRawQueryParameter("page", "2")
            .putRawQueryParameter("tag", "a")
            .putHeader("Content-Type", "application/json"),
        BODY,
        identity,
        at,
        properties -> {});
  }

  @Test
  void theUntamperedRequestIsVerified() {
    assertThat(verifier.verify(signed()))
        .isEqualTo(new Verified("alice-principal", ALICE.accessKeyId()));
  }

  @Test
  void aChangedBodyIsReportedWithAwsCanonicalRequestAndStringToSign() {
    SigV4Request tampered =
        copy(signed()).body("{\"name\":\"Max\"}".getBytes(StandardCharsets.UTF_8)).build();
    String canonical =
        "POST\n"
            + "/dev/pets\n"
            + "page=2&tag=a\n"
            + "content-type:application/json\n"
            + "host:abc123defg.execute-api.us-east-1.amazonaws.com\n"
            + "x-amz-content-sha256:"
            + Digests.sha256Hex(BODY)
            + "\n"
            + "x-amz-date:20260101T120000Z\n"
            + "x-amz-security-token:alice-session-token\n"
            + "\n"
            + "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token\n"
            + Digests.sha256Hex("{\"name\":\"Max\"}");

    assertThat(verifier.verify(tampered))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                MISMATCH
                    + canonical
                    + "'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n"
                    + "20260101T120000Z\n"
                    + "20260101/us-east-1/execute-api/aws4_request\n"
                    + Digests.sha256Hex(canonical)
                    + "'\n"));
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        tampering("method", r -> copy(r).method("PUT").build(), "PUT\n/dev/pets\n"),
        tampering("path", r -> copy(r).rawPath("/dev/pets/1").build(), "POST\n/dev/pets/1\n"),
        tampering("path encoding", r -> copy(r).rawPath("/dev/p%65ts").build(), "/dev/p%2565ts\n"),
        tampering("query value", r -> copy(r).rawQuery("page=3&tag=a").build(), "\npage=3&tag=a\n"),
        tampering(
            "query parameter added",
            r -> copy(r).rawQuery("page=2&tag=a&admin=true").build(),
            "\nadmin=true&page=2&tag=a\n"),
        tampering("query parameter removed", r -> copy(r).rawQuery("page=2").build(), "\npage=2\n"),
        tampering(
            "signed content-type",
            r -> withHeader(r, "Content-Type", "text/plain"),
            "\ncontent-type:text/plain\n"),
        tampering(
            "signed host",
            r -> withHeader(r, "Host", "evil.example.com"),
            "\nhost:evil.example.com\n"),
        tampering(
            "signed x-amz-content-sha256",
            r -> withHeader(r, "x-amz-content-sha256", Digests.sha256Hex("other")),
            "\nx-amz-content-sha256:" + Digests.sha256Hex("other") + "\n"),
        tampering(
            "signed x-amz-date, a second later",
            r -> withHeader(r, "X-Amz-Date", "20260101T120001Z"),
            "\nx-amz-date:20260101T120001Z\n"),
        tampering(
            "signed header removed",
            r -> withoutHeader(r, "Content-Type"),
            "\ncontent-type:\nhost:"),
        tampering(
            "last hex digit of the signature",
            r -> withHeader(r, "Authorization", flipLastDigit(authorization(r))),
            "POST\n/dev/pets\n"));
  }

  private static String authorization(SigV4Request request) {
    return request.headers().first("Authorization").orElseThrow();
  }

  private static String flipLastDigit(String value) {
    char last = value.charAt(value.length() - 1);
    return value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static Arguments tampering(
      String name, UnaryOperator<SigV4Request> change, String expectedInCanonical) {
    return Arguments.of(name, change, expectedInCanonical);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void anyChangeToASignedPartIsASignatureMismatch(
      String name, UnaryOperator<SigV4Request> change, String expectedInCanonical) {
    VerificationResult result = verifier.verify(change.apply(signed()));

    assertThat(result).isInstanceOf(Rejected.class);
    Rejected rejected = (Rejected) result;
    assertThat(rejected.status()).isEqualTo(403);
    assertThat(rejected.errorType()).isEqualTo("InvalidSignatureException");
    assertThat(rejected.message()).startsWith(MISMATCH).contains(expectedInCanonical);
  }

  @Test
  void aChangedSessionTokenIsInvalid() {
    assertThat(verifier.verify(withHeader(signed(), "X-Amz-Security-Token", "forged")))
        .isEqualTo(INVALID_TOKEN);
  }

  @Test
  void anotherIdentitysSessionTokenIsInvalid() {
    AwsSessionCredentialsIdentity aliceWithBobsToken =
        AwsSessionCredentialsIdentity.create(
            ALICE.accessKeyId(), ALICE.secretAccessKey(), BOB.sessionToken());

    assertThat(verifier.verify(signed(aliceWithBobsToken, NOW))).isEqualTo(INVALID_TOKEN);
  }

  @Test
  void temporaryCredentialsWithoutTheirTokenAreInvalid() {
    AwsCredentialsIdentity withoutToken =
        AwsCredentialsIdentity.create(ALICE.accessKeyId(), ALICE.secretAccessKey());

    assertThat(verifier.verify(signed(withoutToken, NOW))).isEqualTo(INVALID_TOKEN);
  }

  @Test
  void aLongTermKeyWithASessionTokenIsInvalid() {
    AwsSessionCredentialsIdentity withToken =
        AwsSessionCredentialsIdentity.create(
            TestCredentials.LONG_TERM.accessKeyId(),
            TestCredentials.LONG_TERM.secretAccessKey(),
            ALICE.sessionToken());

    assertThat(verifier.verify(signed(withToken, NOW))).isEqualTo(INVALID_TOKEN);
  }

  @Test
  void anUnknownAccessKeyIsInvalid() {
    assertThat(verifier.verify(signed(TestCredentials.UNKNOWN, NOW))).isEqualTo(INVALID_TOKEN);
  }

  @Test
  void aWrongSecretIsASignatureMismatch() {
    AwsSessionCredentialsIdentity wrongSecret =
        AwsSessionCredentialsIdentity.create(
            ALICE.accessKeyId(), BOB.secretAccessKey(), ALICE.sessionToken());

    VerificationResult result = verifier.verify(signed(wrongSecret, NOW));

    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).message()).startsWith(MISMATCH);
  }

  @Test
  void expiredCredentialsAreRefused() {
    assertThat(verifier.verify(signed(TestCredentials.EXPIRED, NOW)))
        .isEqualTo(
            new Rejected(
                403,
                "ExpiredTokenException",
                "The security token included in the request is expired"));
  }

  @Test
  void aSignatureOlderThanFiveMinutesHasExpired() {
    SigV4Request request = signed(ALICE, NOW.minus(Duration.ofMinutes(5)).minusSeconds(1));

    assertThat(verifier.verify(request))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                "Signature expired: 20260101T115459Z is now earlier than 20260101T115500Z"
                    + " (20260101T120000Z - 5 min.)"));
  }

  @Test
  void aSignatureMoreThanFiveMinutesAheadIsNotYetCurrent() {
    SigV4Request request = signed(ALICE, NOW.plus(Duration.ofMinutes(7)));

    assertThat(verifier.verify(request))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                "Signature not yet current: 20260101T120700Z is still later than 20260101T120500Z"
                    + " (20260101T120000Z + 5 min.)"));
  }

  @Test
  void theSameRequestLaterHasExpired() {
    SigV4Request request = signed();

    assertThat(verifierAt(NOW.plus(Duration.ofMinutes(10))).verify(request))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                "Signature expired: 20260101T120000Z is now earlier than 20260101T120500Z"
                    + " (20260101T121000Z - 5 min.)"));
  }

  @Test
  void aReorderedQueryIsStillTheSameRequest() {
    SigV4Request reordered = copy(signed()).rawQuery("tag=a&page=2").build();

    assertThat(verifier.verify(reordered)).isInstanceOf(Verified.class);
  }

  @Test
  void aTamperedPresignedUrlIsASignatureMismatch() {
    SigV4Request presigned =
        SdkSigning.presign(
            request(SdkHttpMethod.GET, "/dev/pets").putRawQueryParameter("id", "1"),
            ALICE,
            Duration.ofMinutes(5));
    SigV4Request tampered =
        copy(presigned).rawQuery(presigned.rawQuery().replace("id=1", "id=2")).build();

    VerificationResult result = verifier.verify(tampered);

    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).message())
        .startsWith(MISMATCH + "GET\n/dev/pets\nX-Amz-Algorithm=AWS4-HMAC-SHA256&")
        .contains("&id=2\nhost:" + SdkSigning.HOST + "\n\nhost\n" + Digests.sha256Hex("") + "'");
  }

  @Test
  void aPresignedUrlExpiresAfterXAmzExpires() {
    SigV4Request presigned =
        SdkSigning.presign(request(SdkHttpMethod.GET, "/dev/pets"), ALICE, Duration.ofMinutes(1));

    assertThat(verifierAt(NOW.plus(Duration.ofMinutes(2))).verify(presigned))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                "Signature expired: 20260101T120000Z is now earlier than 20260101T120100Z"
                    + " (20260101T120200Z - 1 min.)"));
  }

  private static SigV4Verifier verifierAt(Instant now) {
    return SigV4Verifier.builder()
        .credentials(TestCredentials.RESOLVER)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .region(SdkSigning.REGION)
        .build();
  }
}
