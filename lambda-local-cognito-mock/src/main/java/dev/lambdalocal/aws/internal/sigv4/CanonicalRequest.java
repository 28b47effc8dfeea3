package dev.lambdalocal.aws.internal.sigv4;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical request and string to sign of SigV4, as text: what API Gateway prints when a
 * signature does not match, and what the signing key signs when the AWS SDK's signer cannot be made
 * to reproduce a request (see {@link ExpectedSignature}).
 */
final class CanonicalRequest {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private static final Comparator<String[]> BY_NAME_THEN_VALUE =
      Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

  private CanonicalRequest() {}

  /**
   * Return the canonical request.
   *
   * @param payloadHash the hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
   */
  static String of(
      SigV4Request request, QueryParameters query, AuthParameters auth, String payloadHash) {
    return request.method()
        + '\n'
        + UriEncoding.canonicalUri(request.rawPath())
        + '\n'
        + canonicalQuery(query, auth.presigned())
        + '\n'
        + canonicalHeaders(request.headers(), auth.signedHeaders())
        + '\n'
        + String.join(";", auth.signedHeaders())
        + '\n'
        + payloadHash;
  }

  /** Return the string to sign for a canonical request. */
  static String stringToSign(String canonicalRequest, Instant timestamp, SigningScope scope) {
    return ALGORITHM
        + '\n'
        + AmzDates.format(timestamp)
        + '\n'
        + scope.scope()
        + '\n'
        + Digests.sha256Hex(canonicalRequest);
  }

  private static String canonicalQuery(QueryParameters query, boolean presigned) {
    List<String[]> pairs = new ArrayList<>();
    for (QueryParameters.Parameter parameter : query.all()) {
      boolean isSignature = presigned && parameter.name().equals(AuthParameters.X_AMZ_SIGNATURE);
      // Like the SDK's signer, leave out parameters without a name.
      if (!isSignature && !parameter.name().isEmpty()) {
        pairs.add(
            new String[] {
              UriEncoding.encode(parameter.name(), false),
              UriEncoding.encode(parameter.value(), false)
            });
      }
    }
    pairs.sort(BY_NAME_THEN_VALUE);
    StringBuilder canonical = new StringBuilder();
    for (String[] pair : pairs) {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(pair[0]).append('=').append(pair[1]);
    }
    return canonical.toString();
  }

  // A signed header the request lacks is canonicalized with no value, so the signature fails.
  private static String canonicalHeaders(RequestHeaders headers, List<String> signedHeaders) {
    StringBuilder canonical = new StringBuilder();
    for (String name : signedHeaders) {
      canonical.append(name).append(':');
      List<String> values = headers.all(name);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          canonical.append(',');
        }
        appendTrimmed(canonical, values.get(i));
      }
      canonical.append('\n');
    }
    return canonical.toString();
  }

  // Trim the value and fold each run of whitespace into one space, as SigV4 specifies.
  private static void appendTrimmed(StringBuilder canonical, String value) {
    boolean pendingSpace = false;
    boolean started = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isWhitespace(c)) {
        pendingSpace = started;
      } else {
        if (pendingSpace) {
          canonical.append(' ');
          pendingSpace = false;
        }
        canonical.append(c);
        started = true;
      }
    }
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
  }
}
