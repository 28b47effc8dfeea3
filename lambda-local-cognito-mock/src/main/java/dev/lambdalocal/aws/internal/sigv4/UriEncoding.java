package dev.lambdalocal.aws.internal.sigv4;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The percent-encoding SigV4 canonicalizes with: RFC 3986, upper-case hex, UTF-8. */
final class UriEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /**
   * Percent-encode every byte except RFC 3986's unreserved characters and, when asked, {@code /}.
   * Applied to a path that is already encoded, this is the second encoding SigV4 requires of every
   * service but S3.
   */
  static String encode(String value, boolean keepSlashes) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder encoded = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c) || (keepSlashes && c == '/')) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return encoded.toString();
  }

  /**
   * Decode a query-string name or value: {@code %XY} escapes as UTF-8 and {@code +} as a space. A
   * {@code %} that does not start a valid escape stands for itself.
   */
  static String decodeQueryComponent(String value) {
    if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '+') {
        bytes.write(' ');
        i++;
      } else if (c == '%' && i + 2 < value.length() && isHex(value, i + 1) && isHex(value, i + 2)) {
        bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
        i += 3;
      } else {
        int end = i + Character.charCount(value.codePointAt(i));
        byte[] utf8 = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Return SigV4's canonical URI for a path as sent: dot segments removed the way {@link
   * URI#normalize()} removes them, then every character but unreserved ones and {@code /} encoded
   * once more. This is what the AWS SDK's signer computes for services other than S3.
   */
  static String canonicalUri(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    String normalized = normalize(rawPath);
    String path = encode(normalized, true);
    // Normalizing "/a/b/." leaves a trailing slash the request did not have.
    if (path.length() > 1 && path.endsWith("/") && !endsWithSlash(rawPath)) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static String normalize(String rawPath) {
    try {
      String normalized = URI.create("http://localhost" + rawPath).normalize().getRawPath();
      return normalized == null || normalized.isEmpty() ? "/" : normalized;
    } catch (IllegalArgumentException e) {
      // Characters a URI may not hold raw (a space, say): leave the path as sent.
      return rawPath;
    }
  }

  private static boolean endsWithSlash(String rawPath) {
    return rawPath.endsWith("/") || rawPath.regionMatches(true, rawPath.length() - 3, "%2F", 0, 3);
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  private static boolean isHex(String value, int index) {
    return Character.digit(value.charAt(index), 16) >= 0;
  }
}
