package dev.lambdalocal.aws.internal.sigv4;

import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.NOW;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.presign;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.request;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.sign;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.withHeader;
import static dev.lambdalocal.aws.internal.sigv4.TestCredentials.ALICE;
import static dev.lambdalocal.aws.internal.sigv4.TestCredentials.BOB;
import static dev.lambdalocal.aws.internal.sigv4.TestCredentials.LONG_TERM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Verified;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** Requests signed by the AWS SDK v2's signer pass, with the principal of their credentials. */
class SigV4VerifierTests {

  private final SigV4Verifier verifier =
      SigV4Verifier.builder()
          .credentials(TestCredentials.RESOLVER)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .region(SdkSigning.REGION)
          .build();

  @Test
  void verifiesAGetSignedWithTemporaryCredentials() {
    SigV4Request request = sign(request(SdkHttpMethod.GET, "/dev/pets"), ALICE);

    assertThat(request.headers().first("X-Amz-Security-Token")).contains(ALICE.sessionToken());
    assertThat(verifier.verify(request))
        .isEqualTo(new Verified("alice-principal", ALICE.accessKeyId()));
  }

  @Test
  void verifiesEachIdentityAsItself() {
    SigV4Request request = sign(request(SdkHttpMethod.GET, "/dev/pets"), BOB);

    assertThat(verifier.verify(request))
        .isEqualTo(new Verified("bob-principal", BOB.accessKeyId()));
  }

  @Test
  void verifiesALongTermKeyWithoutSessionToken() {
    SigV4Request request = sign(request(SdkHttpMethod.GET, "/dev/pets"), LONG_TERM);

    assertThat(request.headers().contains("X-Amz-Security-Token")).isFalse();
    assertThat(verifier.verify(request))
        .isEqualTo(new Verified("long-term-principal", LONG_TERM.accessKeyId()));
  }

  @Test
  void verifiesAPostWhoseBodyIsSigned() {
    SigV4Request request =
        sign(
            request(SdkHttpMethod.POST, "/dev/pets").putHeader("Content-Type", "application/json"),
            "{\"name\":\"Rex\"}",
            ALICE,
            NOW,
            properties -> {});

    assertThat(request.headers().first("x-amz-content-sha256"))
        .contains(Digests.sha256Hex("{\"name\":\"Rex\"}"));
    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void verifiesAnUnsignedPayload() {
    SigV4Request request =
        sign(
            request(SdkHttpMethod.PUT, "/dev/pets/1"),
            "{\"name\":\"Rex\"}",
            ALICE,
            NOW,
            properties -> properties.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));

    assertThat(request.headers().first("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");
    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void verifiesMultiValuedQueryParametersThatNeedEncoding() {
    SigV4Request request =
        sign(
            request(SdkHttpMethod.GET, "/dev/search")
                .putRawQueryParameter("tag", List.of("b c", "a&b", "ü/€"))
                .putRawQueryParameter("Z", "1")
                .putRawQueryParameter("empty", "")
                .putRawQueryParameter("star*~", "(x)!'"),
            ALICE);

    assertThat(request.rawQuery()).contains("tag=b%20c").contains("a%26b");
    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/dev/a%20b/c",
        "/dev/caf%C3%A9/%E2%82%AC",
        "/dev/a+b/c%2Bd/%2F/%25",
        "/dev/(x)!*'~:@,;=$&",
        "/dev/trailing/",
        "/dev/a/./b/../c",
        "/"
      })
  void verifiesPathsWithCharactersSigV4EncodesTwice(String encodedPath) {
    SigV4Request request = sign(request(SdkHttpMethod.GET, encodedPath), ALICE);

    assertThat(request.rawPath()).isEqualTo(encodedPath);
    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void verifiesAHostWithAPort() {
    SigV4Request request =
        sign(
            SdkSigning.request(SdkHttpMethod.GET, "/dev/pets").host("127.0.0.1").port(8089), ALICE);

    assertThat(request.headers().first("Host")).contains("127.0.0.1:8089");
    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void ignoresHeadersAddedAfterSigning() {
    SigV4Request signed = sign(request(SdkHttpMethod.GET, "/dev/pets"), ALICE);
    SigV4Request request = withHeader(withHeader(signed, "User-Agent", "curl/8"), "X-Extra", "1");

    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void verifiesSignedHeadersWithSeveralValuesAndOddWhitespace() {
    SigV4Request request =
        sign(
            request(SdkHttpMethod.GET, "/dev/pets")
                .appendHeader("X-Custom", "  one   two ")
                .appendHeader("X-Custom", "three"),
            ALICE);

    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {-299, -60, 0, 60, 299})
  void acceptsSignaturesWithinFiveMinutesOfNow(long skewSeconds) {
    SigV4Request request =
        sign(
            request(SdkHttpMethod.GET, "/dev/pets"),
            "",
            ALICE,
            NOW.plusSeconds(skewSeconds),
            properties -> {});

    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void verifiesAPresignedUrlWithSessionToken() {
    SigV4Request request =
        presign(
            request(SdkHttpMethod.GET, "/dev/pets").putRawQueryParameter("page", "2"),
            ALICE,
            Duration.ofMinutes(5));

    assertThat(request.headers().contains("Authorization")).isFalse();
    assertThat(request.rawQuery()).contains("X-Amz-Signature=").contains("X-Amz-Security-Token=");
    assertThat(verifier.verify(request))
        .isEqualTo(new Verified("alice-principal", ALICE.accessKeyId()));
  }

  @Test
  void verifiesAPresignedUrlForAsLongAsItLives() {
    SigV4Request request =
        presign(request(SdkHttpMethod.GET, "/dev/pets"), LONG_TERM, Duration.ofMinutes(30));
    SigV4Verifier later =
        SigV4Verifier.builder()
            .credentials(TestCredentials.RESOLVER)
            .clock(Clock.fixed(NOW.plus(Duration.ofMinutes(29)), ZoneOffset.UTC))
            .region(SdkSigning.REGION)
            .build();

    assertThat(later.verify(request)).isInstanceOf(Verified.class);
  }
}
