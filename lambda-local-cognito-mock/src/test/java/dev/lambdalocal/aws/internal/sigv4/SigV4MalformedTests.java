package dev.lambdalocal.aws.internal.sigv4;

import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Rejected;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests that are not SigV4, or not all of it, get API Gateway's 403 and its exact text. */
class SigV4MalformedTests {

  private static final String SCOPE = "/20260101/us-east-1/execute-api/aws4_request";
  private static final String ALICE_CREDENTIAL = "Credential=ASIAALICE0000000001" + SCOPE;

  private final SigV4Verifier verifier =
      SigV4Verifier.builder()
          .credentials(TestCredentials.RESOLVER)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .region(SdkSigning.REGION)
          .build();

  @Test
  void withoutAuthorizationOrPresignedQueryTheTokenIsMissing() {
    assertThat(verifier.verify(request("", null, true)))
        .isEqualTo(
            new Rejected(
                403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
  }

  @Test
  void presignedParametersWithoutAlgorithmAreNotLookedAt() {
    SigV4Request request =
        request("X-Amz-Credential=ASIAALICE0000000001%2F20260101&X-Amz-Signature=abc", null, true);

    assertThat(verifier.verify(request))
        .isEqualTo(
            new Rejected(
                403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
  }

  @Test
  void anEmptyAuthorizationHeaderIsRefused() {
    assertThat(verifier.verify(request("", "", true)))
        .isEqualTo(
            new Rejected(
                403, "IncompleteSignatureException", "Authorization header cannot be empty: ''"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Seen from API Gateway: the hash's first 20 characters were quoted in a user's report.
        "x-api-key CTkrL5f5IxvMpX722zXivqnd1KU5VyoNBOFQFUUnf-E"
            + " | MZ1DdfK/poPwXem5nlPMS3OWGzSFtqzqMw4zpXXhXtM=",
        "Basic dXNlcjpwYXNz | AK+rg3mIGeouojwZwNRMjBjZouASr4mu4FWMTXQQcD0=",
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"
            + " | UCqmNGgtVtI7l0aWNxoS6fPsoSW4ngblb9qkZ2cKVkg=",
        "AWS4-HMAC-SHA256 Signature=abc, Credential | UIpRd21Gn6+qf9Hk7pKCyYm1o5z6C9DD3uM5cMokpMw="
      })
  void aTokenThatIsNotAKeyValuePairIsReportedHashed(String authorization, String hash) {
    assertThat(verifier.verify(request("", authorization, true)))
        .isEqualTo(
            new Rejected(
                403,
                "IncompleteSignatureException",
                "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with"
                    + " SHA-256 and encoded with Base64): '"
                    + hash
                    + "'."));
  }

  @Test
  void basicCredentialsWithPaddingLackEveryPartOfASignature() {
    // "dXNlcjpwYXNzd29yZA==" parses as a key=value pair, so AWS lists what is missing instead.
    assertThat(verifier.verify(request("", "Basic dXNlcjpwYXNzd29yZA==", false)))
        .isEqualTo(
            incomplete(
                "Authorization header requires 'Credential' parameter. Authorization header"
                    + " requires 'Signature' parameter. Authorization header requires"
                    + " 'SignedHeaders' parameter. Authorization header requires existence of"
                    + " either a 'X-Amz-Date' or a 'Date' header. (Hashed with SHA-256 and encoded"
                    + " with Base64) Authorization=nAbVMu3wgTZZq0HSari6nKU7mFKW7kWEp580/pzXQ6Q="));
  }

  @Test
  void aBareSchemeLacksEveryParameter() {
    assertThat(verifier.verify(request("", "Bearer", true)))
        .isEqualTo(
            incomplete(
                "Authorization header requires 'Credential' parameter. Authorization header"
                    + " requires 'Signature' parameter. Authorization header requires"
                    + " 'SignedHeaders' parameter. (Hashed with SHA-256 and encoded with Base64)"
                    + " Authorization=cQ4NvdQimYUQF6TWcmXs0EbxtO23QVJZkqGmqPqAElg="));
  }

  @Test
  void aMissingSignatureIsNamed() {
    String authorization =
        "AWS4-HMAC-SHA256 " + ALICE_CREDENTIAL + ", SignedHeaders=host;x-amz-date";

    assertThat(verifier.verify(request("", authorization, true)))
        .isEqualTo(
            incomplete(
                "Authorization header requires 'Signature' parameter. (Hashed with SHA-256 and"
                    + " encoded with Base64)"
                    + " Authorization=Dla6XMkIJ4KM5NQU5Abq9eYv5nIRukiFKxk7ZaItWbQ="));
  }

  @Test
  void missingCredentialAndSignedHeadersAreNamedInAwsOrder() {
    assertThat(verifier.verify(request("", "AWS4-HMAC-SHA256 Signature=abc", true)))
        .isEqualTo(
            incomplete(
                "Authorization header requires 'Credential' parameter. Authorization header"
                    + " requires 'SignedHeaders' parameter. (Hashed with SHA-256 and encoded with"
                    + " Base64) Authorization=BOVWHkwmmZ+ctSvZOKBPu1mzDczRukcMLaNslyMqIgk="));
  }

  @Test
  void aMissingDateIsNamed() {
    String authorization =
        "AWS4-HMAC-SHA256 " + ALICE_CREDENTIAL + ", SignedHeaders=host;x-amz-date, Signature=abc";

    assertThat(verifier.verify(request("", authorization, false)))
        .isEqualTo(
            incomplete(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date'"
                    + " header. (Hashed with SHA-256 and encoded with Base64)"
                    + " Authorization=/kncGjydQ8vEV2T1uedzEYWPv9Micz+6BJaH6epSk58="));
  }

  @Test
  void anAlgorithmWithAnEqualSignIsRefused() {
    assertThat(verifier.verify(request("", "x-api-key=abc", true)))
        .isEqualTo(
            incomplete(
                "Authorization header must begin with the algorithm name, which cannot include an"
                    + " equal-sign"));
  }

  @Test
  void aDateNotInIsoBasicFormatIsRefused() {
    SigV4Request request =
        SdkSigning.withHeader(
            request("", signedHeader("host;x-amz-date"), true), "X-Amz-Date", "2026-01-01T12:00Z");

    assertThat(verifier.verify(request))
        .isEqualTo(
            incomplete(
                "Date must be in ISO-8601 'basic format'. Got '2026-01-01T12:00Z'. See"
                    + " http://en.wikipedia.org/wiki/ISO_8601"));
  }

  @Test
  void hostMustBeSigned() {
    assertThat(verifier.verify(request("", signedHeader("x-amz-date"), true)))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                "'Host' must be a 'SignedHeader' in the AWS Authorization."));
  }

  @Test
  void onlyHmacSha256IsSupported() {
    String authorization =
        "AWS4-HMAC-SHA512 " + ALICE_CREDENTIAL + ", SignedHeaders=host;x-amz-date, Signature=abc";

    assertThat(verifier.verify(request("", authorization, true)))
        .isEqualTo(
            incomplete(
                "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'"
                    + " (only AWS4-HMAC-SHA256 for now). "));
  }

  @Test
  void theCredentialNeedsFiveElements() {
    String authorization =
        "AWS4-HMAC-SHA256 Credential=ASIAALICE0000000001/20260101/us-east-1/execute-api,"
            + " SignedHeaders=host;x-amz-date, Signature=abc";

    assertThat(verifier.verify(request("", authorization, true)))
        .isEqualTo(
            incomplete(
                "Credential must have exactly 5 slash-delimited elements, e.g."
                    + " keyid/date/region/service/term, got"
                    + " 'ASIAALICE0000000001/20260101/us-east-1/execute-api'"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20260101/eu-west-1/execute-api/aws4_request"
            + " | Credential should be scoped to a valid region, not 'eu-west-1'. ",
        "20260101/us-east-1/lambda/aws4_request"
            + " | Credential should be scoped to correct service: 'execute-api'. ",
        // As API Gateway answered a signer that assumed us-east-1 and its own service name.
        "20260101/us-east-1/es/aws4_request"
            + " | Credential should be scoped to correct service: 'execute-api'. ",
        "20260102/us-west-2/s3/aws4_reqest"
            + " | Credential should be scoped to a valid region, not 'us-west-2'. Credential should"
            + " be scoped to correct service: 'execute-api'. Credential should be scoped with a"
            + " valid terminator: 'aws4_request', not 'aws4_reqest'. Date in Credential scope does"
            + " not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260102' !="
            + " '20260101', from '20260101T120000Z'."
      },
      quoteCharacter = '"',
      ignoreLeadingAndTrailingWhitespace = false)
  void aCredentialScopedElsewhereIsRefused(String scope, String message) {
    String authorization =
        "AWS4-HMAC-SHA256 Credential=ASIAALICE0000000001/"
            + scope.strip()
            + ", SignedHeaders=host;x-amz-date, Signature=abc";

    assertThat(verifier.verify(request("", authorization, true)))
        .isEqualTo(new Rejected(403, "InvalidSignatureException", message.substring(1)));
  }

  @Test
  void bothWrongRegionAndServiceAreReportedTogether() {
    String authorization =
        "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/eu-west-1/es/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=abc";

    assertThat(verifier.verify(request("", authorization, true)))
        .isEqualTo(
            new Rejected(
                403,
                "InvalidSignatureException",
                "Credential should be scoped to a valid region, not 'eu-west-1'. Credential should"
                    + " be scoped to correct service: 'execute-api'. "));
  }

  @Test
  void aPresignedQueryNamesEachMissingParameter() {
    SigV4Request request =
        request("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T120000Z", null, false);

    assertThat(verifier.verify(request))
        .isEqualTo(
            incomplete(
                "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string"
                    + " parameters must include 'X-Amz-Signature'. AWS query-string parameters"
                    + " must include 'X-Amz-SignedHeaders'. Re-examine the query-string"
                    + " parameters."));
  }

  @Test
  void anEmptyAlgorithmParameterCountsAsMissing() {
    assertThat(verifier.verify(request("X-Amz-Algorithm", null, false)))
        .isEqualTo(
            incomplete(
                "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string"
                    + " parameters must include 'X-Amz-Credential'. AWS query-string parameters"
                    + " must include 'X-Amz-Signature'. AWS query-string parameters must include"
                    + " 'X-Amz-SignedHeaders'. AWS query-string parameters must include"
                    + " 'X-Amz-Date'. Re-examine the query-string parameters."));
  }

  @Test
  void aPresignedExpiryMustBeAWholeNumberOfSecondsUpToAWeek() {
    SigV4Request request =
        request(
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAALICE0000000001%2F20260101"
                + "%2Fus-east-1%2Fexecute-api%2Faws4_request&X-Amz-Date=20260101T120000Z"
                + "&X-Amz-Expires=604801&X-Amz-SignedHeaders=host&X-Amz-Signature=abc",
            null, false);

    assertThat(verifier.verify(request))
        .isEqualTo(
            incomplete(
                "X-Amz-Expires must be a whole number of seconds from 1 to 604800. Got '604801'."));
  }

  @Test
  void aPathNoUriMayHoldIsCanonicalizedAndRefusedNotThrown() {
    SigV4Request request =
        SigV4Request.builder()
            .method("GET")
            .rawPath("/dev/a b|{x}")
            .headers(
                RequestHeaders.builder()
                    .add("Host", SdkSigning.HOST)
                    .add("X-Amz-Date", "20260101T120000Z")
                    .add("X-Amz-Security-Token", "alice-session-token")
                    .add("Authorization", signedHeader("host;x-amz-date"))
                    .build())
            .build();

    VerificationResult result = verifier.verify(request);

    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).message())
        .contains("should have been\n'GET\n/dev/a%20b%7C%7Bx%7D\n\nhost:");
  }

  @Test
  void aRequestDatedByTheDateHeaderIsCanonicalizedWithIt() {
    SigV4Request request =
        SigV4Request.builder()
            .method("GET")
            .rawPath("/dev/pets")
            .headers(
                RequestHeaders.builder()
                    .add("Host", SdkSigning.HOST)
                    .add("Date", "Thu, 01 Jan 2026 12:00:00 GMT")
                    .add("X-Amz-Security-Token", "alice-session-token")
                    .add("Authorization", signedHeader("date;host"))
                    .build())
            .build();

    VerificationResult result = verifier.verify(request);

    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).message())
        .contains("\ndate:Thu, 01 Jan 2026 12:00:00 GMT\nhost:")
        .contains("'AWS4-HMAC-SHA256\n20260101T120000Z\n20260101/us-east-1/execute-api/");
  }

  private static Rejected incomplete(String message) {
    return new Rejected(403, "IncompleteSignatureException", message);
  }

  private static String signedHeader(String signedHeaders) {
    return "AWS4-HMAC-SHA256 "
        + ALICE_CREDENTIAL
        + ", SignedHeaders="
        + signedHeaders
        + ", Signature=abc";
  }

  private static SigV4Request request(String query, String authorization, boolean withDate) {
    RequestHeaders.Builder headers = RequestHeaders.builder().add("Host", SdkSigning.HOST);
    if (withDate) {
      headers.add("X-Amz-Date", "20260101T120000Z");
    }
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
    return SigV4Request.builder()
        .method("GET")
        .rawPath("/dev/pets")
        .rawQuery(query)
        .headers(headers.build())
        .build();
  }
}
