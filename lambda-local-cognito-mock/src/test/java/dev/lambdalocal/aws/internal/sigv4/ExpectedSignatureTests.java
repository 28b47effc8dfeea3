package dev.lambdalocal.aws.internal.sigv4;

import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.NOW;
import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.request;
import static dev.lambdalocal.aws.internal.sigv4.TestCredentials.ALICE;
import static dev.lambdalocal.aws.internal.sigv4.TestCredentials.LONG_TERM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.aws.internal.sigv4.ExpectedSignature.Expected;
import dev.lambdalocal.aws.internal.sigv4.ExpectedSignature.Source;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The SDK's signer reproduces the signature of SDK-signed requests, and our canonical request
 * signed with the SDK's signing key gives the very same signature: the text a mismatch reports is
 * the text that was signed, and the fallback for other signers signs what the SDK would.
 */
class ExpectedSignatureTests {

  private static final String BODY_HASH = "body";
  private static final String UNSIGNED = "UNSIGNED-PAYLOAD";

  static Stream<Arguments> sdkSignedRequests() {
    return Stream.of(
        Arguments.of(
            "GET with session token",
            SdkSigning.sign(request(SdkHttpMethod.GET, "/dev/pets"), ALICE),
            BODY_HASH),
        Arguments.of(
            "POST with body and long-term key",
            SdkSigning.sign(
                request(SdkHttpMethod.POST, "/dev/pets").putHeader("Content-Type", "text/plain"),
                "hello",
                LONG_TERM,
                NOW,
                properties -> {}),
            BODY_HASH),
        Arguments.of(
            "unsigned payload",
            SdkSigning.sign(
                request(SdkHttpMethod.POST, "/dev/pets"),
                "hello",
                ALICE,
                NOW,
                properties ->
                    properties.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)),
            UNSIGNED),
        Arguments.of(
            "encoded path, dot segments and query",
            SdkSigning.sign(
                request(SdkHttpMethod.GET, "/dev/caf%C3%A9/a%20b/(x)/./y/../z")
                    .putRawQueryParameter("q", List.of("b c", "a+b", "/"))
                    .putRawQueryParameter("flag", (String) null),
                ALICE),
            BODY_HASH),
        Arguments.of(
            "host with port",
            SdkSigning.sign(
                request(SdkHttpMethod.DELETE, "/dev/pets/1").host("localhost").port(8089), ALICE),
            BODY_HASH),
        Arguments.of(
            "presigned",
            SdkSigning.presign(
                request(SdkHttpMethod.GET, "/dev/pets").putRawQueryParameter("a", "1 2"),
                ALICE,
                Duration.ofMinutes(15)),
            BODY_HASH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdkSignedRequests")
  void sdkSignerAndCanonicalTextReproduceTheClientsSignature(
      String name, SigV4Request request, String payload) throws Rejection {
    QueryParameters query = QueryParameters.parse(request.rawQuery());
    AuthParameters auth = authParameters(request, query);
    SigningScope scope = SigningScope.parse(auth.credential());
    String secret = TestCredentials.ISSUED.get(scope.accessKeyId()).secretAccessKey();
    String payloadHash = payload.equals(UNSIGNED) ? UNSIGNED : Digests.sha256Hex(request.body());

    Expected expected = ExpectedSignature.compute(request, query, auth, scope, secret, payloadHash);
    String canonical = CanonicalRequest.of(request, query, auth, payloadHash);
    String stringToSign = CanonicalRequest.stringToSign(canonical, auth.timestamp(), scope);

    assertThat(expected).isEqualTo(new Expected(auth.signature(), Source.SDK_SIGNER));
    assertThat(ExpectedSignature.bySdkSigningKey(stringToSign, scope, secret, auth.timestamp()))
        .isEqualTo(auth.signature());
  }

  @Test
  void canonicalRequestDoublyEncodesThePathAndSortsTheQuery() throws Rejection {
    SigV4Request request =
        SdkSigning.sign(
            request(SdkHttpMethod.GET, "/dev/caf%C3%A9/a%20b/(x)/./y/../z")
                .putRawQueryParameter("q", List.of("b c", "a+b", "/"))
                .putRawQueryParameter("flag", (String) null),
            ALICE);
    QueryParameters query = QueryParameters.parse(request.rawQuery());

    assertThat(CanonicalRequest.of(request, query, authParameters(request, query), "HASH"))
        .isEqualTo(
            "GET\n"
                + "/dev/caf%25C3%25A9/a%2520b/%28x%29/z\n"
                + "flag=&q=%2F&q=a%2Bb&q=b%20c\n"
                + "host:abc123defg.execute-api.us-east-1.amazonaws.com\n"
                + "x-amz-content-sha256:"
                + Digests.sha256Hex("")
                + "\n"
                + "x-amz-date:20260101T120000Z\n"
                + "x-amz-security-token:alice-session-token\n"
                + "\n"
                + "host;x-amz-content-sha256;x-amz-date;x-amz-security-token\n"
                + "HASH");
  }

  @Test
  void signersThatSignFewerHeadersAreVerifiedWithTheSdkSigningKey() throws Rejection {
    // The shape of botocore's and curl's requests: no x-amz-content-sha256, which the SDK's signer
    // would add. AWS's get-vanilla example, see AwsTestSuiteTests.
    SigV4Request request = AwsTestSuiteTests.getVanilla();
    QueryParameters query = QueryParameters.parse(request.rawQuery());
    AuthParameters auth = authParameters(request, query);
    SigningScope scope = SigningScope.parse(auth.credential());

    Expected expected =
        ExpectedSignature.compute(
            request, query, auth, scope, AwsTestSuiteTests.SECRET, Digests.sha256Hex(""));

    assertThat(expected).isEqualTo(new Expected(auth.signature(), Source.SDK_SIGNING_KEY));
  }

  static AuthParameters authParameters(SigV4Request request, QueryParameters query)
      throws Rejection {
    return request.headers().contains("Authorization")
        ? AuthParameters.fromHeader(
            request.headers().first("Authorization").orElseThrow(), request.headers())
        : AuthParameters.fromQuery(query);
  }
}
