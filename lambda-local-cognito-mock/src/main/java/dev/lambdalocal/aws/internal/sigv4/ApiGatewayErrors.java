package dev.lambdalocal.aws.internal.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * API Gateway's answers to a request that fails IAM authorization: all HTTP 403, each with AWS's
 * {@code x-amzn-ErrorType} and message.
 *
 * <p>Where each text comes from, and how sure it is, is noted on each factory. "Seen" means the
 * text appears in responses from real API Gateway endpoints that users quoted in public issues;
 * "Coral" means it was recorded from another AWS service built on the same request-authentication
 * framework and is assumed to be identical in API Gateway.
 */
final class ApiGatewayErrors {

  static final int FORBIDDEN = 403;

  static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationTokenException";
  static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
  static final String INVALID_SIGNATURE = "InvalidSignatureException";
  // AWS's API Gateway 403 troubleshooting article (knowledge center "api-gateway-troubleshoot-
  // 403-forbidden") pairs AccessDeniedException with "The security token included in the request
  // is invalid." for keys that are not valid; the body is seen from real REST APIs
  // (aws-amplify/amplify-js#3816, content-length 68), the header value is not. Coral services
  // (DynamoDB, Bedrock) answer UnrecognizedClientException instead.
  static final String INVALID_TOKEN = "AccessDeniedException";
  // API Gateway's gateway response EXPIRED_TOKEN; the header value is not seen in a quoted
  // response.
  static final String EXPIRED_TOKEN = "ExpiredTokenException";

  private ApiGatewayErrors() {}

  /** Seen, with the header value; AWS's troubleshooting article lists the same pair. */
  static Rejection missingAuthenticationToken() {
    return new Rejection(MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
  }

  /** Seen (message only); the error type is assumed. */
  static Rejection emptyAuthorization(String authorization) {
    return new Rejection(
        INCOMPLETE_SIGNATURE, "Authorization header cannot be empty: '" + authorization + "'");
  }

  /** Seen as quoted by a user, possibly shortened: what follows "equal-sign" is not known. */
  static Rejection algorithmWithEqualSign() {
    return new Rejection(
        INCOMPLETE_SIGNATURE,
        "Authorization header must begin with the algorithm name, which cannot include an"
            + " equal-sign");
  }

  /**
   * Seen with its header value, in the form API Gateway has used since it stopped echoing tokens:
   * the hash is Base64(SHA-256(Authorization header)), checked against a quoted response.
   */
  static Rejection missingEqualSign(String authorization) {
    return new Rejection(
        INCOMPLETE_SIGNATURE,
        "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256"
            + " and encoded with Base64): '"
            + hash(authorization)
            + "'.");
  }

  /**
   * Seen, both the older form ending {@code Authorization=<header as sent>} and the current one
   * whose sentences end with "(Hashed with SHA-256 and encoded with Base64)"; the {@code
   * Authorization=<hash>} that follows is inferred from the older form, not seen.
   */
  static Rejection missingAuthorizationParts(
      List<String> missingParameters, boolean missingDate, String authorization) {
    StringBuilder message = new StringBuilder();
    for (String parameter : missingParameters) {
      message.append("Authorization header requires '").append(parameter).append("' parameter. ");
    }
    if (missingDate) {
      message.append(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    message
        .append("(Hashed with SHA-256 and encoded with Base64) Authorization=")
        .append(hash(authorization));
    return new Rejection(INCOMPLETE_SIGNATURE, message.toString());
  }

  /** Coral (DynamoDB, with the parameters in this order); not seen from API Gateway. */
  static Rejection missingQueryParameters(List<String> missingParameters) {
    StringBuilder message = new StringBuilder();
    for (String parameter : missingParameters) {
      message.append("AWS query-string parameters must include '").append(parameter).append("'. ");
    }
    return new Rejection(
        INCOMPLETE_SIGNATURE, message.append("Re-examine the query-string parameters.").toString());
  }

  /** Coral (DynamoDB). */
  static Rejection badDate(String value) {
    return new Rejection(
        INCOMPLETE_SIGNATURE,
        "Date must be in ISO-8601 'basic format'. Got '"
            + value
            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  /** Not an AWS text: API Gateway's answer to a malformed X-Amz-Expires is not known. */
  static Rejection badExpires(String value) {
    return new Rejection(
        INCOMPLETE_SIGNATURE,
        "X-Amz-Expires must be a whole number of seconds from 1 to 604800. Got '" + value + "'.");
  }

  /** Seen, with the 5-minute window; the error type is from AWS's troubleshooting article. */
  static Rejection signatureExpired(Instant requestTime, Instant now, Duration window) {
    return new Rejection(
        INVALID_SIGNATURE,
        "Signature expired: "
            + AmzDates.format(requestTime)
            + " is now earlier than "
            + AmzDates.format(now.minus(window))
            + " ("
            + AmzDates.format(now)
            + " - "
            + minutes(window)
            + ")");
  }

  /** Seen (a 403 with this body); the error type is assumed to be that of the expired case. */
  static Rejection signatureNotYetCurrent(Instant requestTime, Instant now, Duration window) {
    return new Rejection(
        INVALID_SIGNATURE,
        "Signature not yet current: "
            + AmzDates.format(requestTime)
            + " is still later than "
            + AmzDates.format(now.plus(window))
            + " ("
            + AmzDates.format(now)
            + " + "
            + minutes(window)
            + ")");
  }

  /** Coral (DynamoDB). */
  static Rejection hostNotSigned() {
    return new Rejection(
        INVALID_SIGNATURE, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }

  /** Coral (DynamoDB), trailing space included. */
  static Rejection unsupportedAlgorithm(String algorithm) {
    return new Rejection(
        INCOMPLETE_SIGNATURE,
        "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
  }

  /** Coral (DynamoDB). */
  static Rejection malformedCredential(String credential) {
    return new Rejection(
        INCOMPLETE_SIGNATURE,
        "Credential must have exactly 5 slash-delimited elements, e.g."
            + " keyid/date/region/service/term, got '"
            + credential
            + "'");
  }

  /**
   * The region and service sentences are seen from API Gateway (each ends with ". "); the
   * terminator and date sentences and the error type are Coral (DynamoDB).
   */
  static Rejection badCredentialScope(String message) {
    return new Rejection(INVALID_SIGNATURE, message);
  }

  /** Seen; for the error type see {@link #INVALID_TOKEN}. */
  static Rejection invalidToken() {
    return new Rejection(INVALID_TOKEN, "The security token included in the request is invalid.");
  }

  /** The text of STS and IAM; not seen from API Gateway. */
  static Rejection expiredToken() {
    return new Rejection(EXPIRED_TOKEN, "The security token included in the request is expired");
  }

  /** Seen, including the layout of the canonical request and string to sign. */
  static Rejection signatureMismatch(String canonicalRequest, String stringToSign) {
    return new Rejection(
        INVALID_SIGNATURE,
        "The request signature we calculated does not match the signature you provided. Check"
            + " your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.\n\nThe Canonical String for this request should have been\n'"
            + canonicalRequest
            + "'\n\nThe String-to-Sign should have been\n'"
            + stringToSign
            + "'\n");
  }

  private static String hash(String authorization) {
    return Base64.getEncoder()
        .encodeToString(Digests.sha256(authorization.getBytes(StandardCharsets.UTF_8)));
  }

  // AWS only ever shows whole minutes here; seconds are this emulator's choice for X-Amz-Expires.
  private static String minutes(Duration window) {
    long seconds = window.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
  }
}
