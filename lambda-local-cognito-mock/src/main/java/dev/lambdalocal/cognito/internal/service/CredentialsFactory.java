package dev.lambdalocal.cognito.internal.service;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes credentials shaped like the ones STS hands out for a Cognito identity. */
final class CredentialsFactory {

  private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** How STS session tokens begin today (base64 of a protobuf-like header). */
  private static final String SESSION_TOKEN_PREFIX = "IQoJb3JpZ2luX2Vj";

  private final SecureRandom random = new SecureRandom();

  /** Return {@code ASIA} and 16 characters of AWS's key id alphabet: 20 characters in all. */
  String accessKeyId() {
    return "ASIA" + randomString(KEY_ID_ALPHABET, 16);
  }

  /** Return a 40-character secret access key. */
  String secretKey() {
    return randomString(SECRET_ALPHABET, 40);
  }

  /** Return an opaque session token about as long as a real one. */
  String sessionToken() {
    byte[] bytes = new byte[600];
    random.nextBytes(bytes);
    return SESSION_TOKEN_PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  private String randomString(String alphabet, int length) {
    StringBuilder builder = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return builder.toString();
  }
}
