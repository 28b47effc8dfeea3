package dev.lambdalocal.aws.internal.sigv4;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SigV4 fields of a request, read from its {@code Authorization} header or from its presigned
 * query string, in the order and with the complaints of AWS's parser.
 *
 * @param presigned whether they came from the query string
 * @param algorithm e.g. {@code AWS4-HMAC-SHA256}
 * @param credential {@code <access key id>/<date>/<region>/<service>/aws4_request}, as sent
 * @param signedHeadersValue the signed header names as sent, separated by {@code ;}
 * @param signedHeaders those names, lower-cased, in the order sent
 * @param signature the hex signature to check
 * @param timestamp when the request claims to have been signed
 * @param securityToken the {@code X-Amz-Security-Token}, or null
 * @param expiresValue the {@code X-Amz-Expires} as sent, or null (presigned requests only)
 * @param expiresSeconds {@code X-Amz-Expires} in seconds, or null
 * @param dateFromDateHeader whether the timestamp came from {@code Date} rather than X-Amz-Date
 */
record AuthParameters(
    boolean presigned,
    String algorithm,
    String credential,
    String signedHeadersValue,
    List<String> signedHeaders,
    String signature,
    Instant timestamp,
    String securityToken,
    String expiresValue,
    Long expiresSeconds,
    boolean dateFromDateHeader) {

  static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
  static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
  static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
  static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
  static final String X_AMZ_DATE = "X-Amz-Date";
  static final String X_AMZ_EXPIRES = "X-Amz-Expires";
  static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";

  private static final long MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

  /** Read the fields of an {@code Authorization} header. */
  static AuthParameters fromHeader(String authorization, RequestHeaders headers) throws Rejection {
    String value = authorization.strip();
    if (value.isEmpty()) {
      throw ApiGatewayErrors.emptyAuthorization(authorization);
    }
    int space = indexOfWhitespace(value);
    String algorithm = space < 0 ? value : value.substring(0, space);
    if (algorithm.indexOf('=') >= 0) {
      throw ApiGatewayErrors.algorithmWithEqualSign();
    }
    Map<String, String> parameters = new HashMap<>();
    if (space >= 0) {
      for (String piece : value.substring(space + 1).split(",")) {
        String pair = piece.strip();
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        if (equals < 0) {
          throw ApiGatewayErrors.missingEqualSign(authorization);
        }
        parameters.putIfAbsent(
            pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
    String credential = parameters.get("Credential");
    String signature = parameters.get("Signature");
    String signedHeaders = parameters.get("SignedHeaders");
    List<String> missing = new ArrayList<>(3);
    if (isEmpty(credential)) {
      missing.add("Credential");
    }
    if (isEmpty(signature)) {
      missing.add("Signature");
    }
    // Unlike the other two, SignedHeaders may be present and empty.
    if (signedHeaders == null) {
      missing.add("SignedHeaders");
    }
    boolean hasAmzDate = headers.contains(X_AMZ_DATE);
    boolean missingDate = !hasAmzDate && !headers.contains("Date");
    if (!missing.isEmpty() || missingDate) {
      throw ApiGatewayErrors.missingAuthorizationParts(missing, missingDate, authorization);
    }
    String date = headers.first(hasAmzDate ? X_AMZ_DATE : "Date").orElseThrow();
    Instant timestamp = hasAmzDate ? AmzDates.parseBasic(date) : AmzDates.parseHttpDate(date);
    if (timestamp == null) {
      throw ApiGatewayErrors.badDate(date);
    }
    return new AuthParameters(
        false,
        algorithm,
        credential,
        signedHeaders,
        splitSignedHeaders(signedHeaders),
        signature,
        timestamp,
        headers.first(X_AMZ_SECURITY_TOKEN).orElse(null),
        null,
        null,
        !hasAmzDate);
  }

  /** Read the fields of a presigned query string (one with {@code X-Amz-Algorithm}). */
  static AuthParameters fromQuery(QueryParameters query) throws Rejection {
    List<String> missing = new ArrayList<>(5);
    for (String name :
        List.of(
            X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_SIGNATURE, X_AMZ_SIGNED_HEADERS, X_AMZ_DATE)) {
      if (isEmpty(query.first(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw ApiGatewayErrors.missingQueryParameters(missing);
    }
    String date = query.first(X_AMZ_DATE);
    Instant timestamp = AmzDates.parseBasic(date);
    if (timestamp == null) {
      throw ApiGatewayErrors.badDate(date);
    }
    String expires = query.first(X_AMZ_EXPIRES);
    Long expiresSeconds = expires == null ? null : parseExpires(expires);
    String signedHeaders = query.first(X_AMZ_SIGNED_HEADERS);
    return new AuthParameters(
        true,
        query.first(X_AMZ_ALGORITHM),
        query.first(X_AMZ_CREDENTIAL),
        signedHeaders,
        splitSignedHeaders(signedHeaders),
        query.first(X_AMZ_SIGNATURE),
        timestamp,
        query.first(X_AMZ_SECURITY_TOKEN),
        expires,
        expiresSeconds,
        false);
  }

  private static Long parseExpires(String value) throws Rejection {
    try {
      long seconds = Long.parseLong(value);
      if (seconds >= 1 && seconds <= MAX_EXPIRES_SECONDS) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the value as sent.
    }
    throw ApiGatewayErrors.badExpires(value);
  }

  private static List<String> splitSignedHeaders(String value) {
    List<String> names = new ArrayList<>();
    for (String name : value.split(";")) {
      String trimmed = name.strip();
      if (!trimmed.isEmpty()) {
        names.add(trimmed.toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(names);
  }

  private static int indexOfWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
