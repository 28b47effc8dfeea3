package dev.lambdalocal.apigateway.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The ids of one request: REST's {@code requestId} (a UUID, also {@code x-amzn-RequestId}) and the
 * extended id (also REST's {@code x-amz-apigw-id} and HTTP API's {@code requestId} and {@code
 * apigw-requestid}: 16 characters of base64 ending in {@code =}).
 *
 * @param requestId the UUID request id
 * @param extendedRequestId the short extended request id
 */
record Ids(String requestId, String extendedRequestId) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  static Ids random() {
    // 11 bytes are 15 base64 characters and one '=', the shape of AWS's ids: JKJaXmPLvHcESHA=
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    String extended = Base64.getEncoder().encodeToString(bytes);
    return new Ids(UUID.randomUUID().toString(), extended);
  }

  /** Return a stable id of {@code length} lower-case letters and digits derived from a name. */
  static String stableId(String name, int length) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    long value = crc.getValue() * 2654435761L;
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET.charAt((int) Math.floorMod(value, ALPHABET.length())));
      value = value / ALPHABET.length() + 7919L * (i + 1);
    }
    return id.toString();
  }
}
