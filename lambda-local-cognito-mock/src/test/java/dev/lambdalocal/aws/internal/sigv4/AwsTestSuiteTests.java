package dev.lambdalocal.aws.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Rejected;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AWS's published Signature Version 4 examples (the "aws-sig-v4-test-suite": credentials
 * AKIDEXAMPLE, service {@code service}, 2015-08-30T12:36:00Z) verify, though they were not made by
 * the Java SDK: they sign only {@code host;x-amz-date}, as botocore and curl do.
 */
class AwsTestSuiteTests {

  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String CREDENTIAL =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature=";

  private final SigV4Verifier verifier =
      SigV4Verifier.builder()
          .credentials(
              id ->
                  Optional.ofNullable(
                      Map.of("AKIDEXAMPLE", new ResolvedCredentials(SECRET, null, null, "example"))
                          .get(id)))
          .clock(Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC))
          .region("us-east-1")
          .service("service")
          .build();

  static SigV4Request getVanilla() {
    return example(
        "GET", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", "");
  }

  @Test
  void verifiesGetVanilla() {
    assertThat(verifier.verify(getVanilla())).isEqualTo(new Verified("example", "AKIDEXAMPLE"));
  }

  @Test
  void verifiesGetVanillaQueryOrderKeyCase() {
    SigV4Request request =
        example(
            "GET",
            "Param2=value2&Param1=value1",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            "");

    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void verifiesPostVanilla() {
    SigV4Request request =
        example("POST", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", "");

    assertThat(verifier.verify(request)).isInstanceOf(Verified.class);
  }

  @Test
  void reportsThePublishedCanonicalRequestAndStringToSignOnAMismatch() {
    SigV4Request request = example("GET", "", "0".repeat(64), "");

    assertThat(verifier.verify(request))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided."
                    + " Check your AWS Secret Access Key and signing method. Consult the service"
                    + " documentation for details.\n"
                    + "\n"
                    + "The Canonical String for this request should have been\n"
                    + "'GET\n"
                    + "/\n"
                    + "\n"
                    + "host:example.amazonaws.com\n"
                    + "x-amz-date:20150830T123600Z\n"
                    + "\n"
                    + "host;x-amz-date\n"
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n"
                    + "\n"
                    + "The String-to-Sign should have been\n"
                    + "'AWS4-HMAC-SHA256\n"
                    + "20150830T123600Z\n"
                    + "20150830/us-east-1/service/aws4_request\n"
                    + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63'\n"));
  }

  private static SigV4Request example(String method, String query, String signature, String body) {
    return SigV4Request.builder()
        .method(method)
        .rawPath("/")
        .rawQuery(query)
        .headers(
            RequestHeaders.builder()
                .add("Host", "example.amazonaws.com")
                .add("X-Amz-Date", "20150830T123600Z")
                .add("Authorization", CREDENTIAL + signature)
                .build())
        .body(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
