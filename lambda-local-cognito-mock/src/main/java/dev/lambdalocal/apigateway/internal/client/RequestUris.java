package dev.lambdalocal.apigateway.internal.client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Paths and query strings of the requests an {@code ApiClient} sends. */
public final class RequestUris {

  private static final String PATH_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RequestUris() {}

  /**
   * Append {@code path} to the base URI's path: {@code https://h/dev/} and {@code /pets/1} (or
   * {@code pets/1}) give {@code /dev/pets/1}. Characters a path cannot hold are percent-encoded;
   * {@code %XX} sequences are kept, so {@code a%2Fb} stays one segment.
   *
   * @param base the API's base URI
   * @param path the path below it, without query
   * @return the encoded path
   */
  public static String joinPath(URI base, String path) {
    String basePath =
        base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
    if (!basePath.endsWith("/")) {
      basePath += "/";
    }
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return basePath + encodePath(relative);
  }

  static String encodePath(String path) {
    StringBuilder encoded = new StringBuilder(path.length());
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        encoded.append('%').append((char) bytes[i + 1]).append((char) bytes[i + 2]);
        i += 2;
      } else if (b < 0x80 && PATH_CHARACTERS.indexOf(b) >= 0) {
        encoded.append((char) b);
      } else {
        encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return encoded.toString();
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  /**
   * Split a query string as written in a URL ({@code a=1&b=x%20y&c}) into decoded names and values
   * ({@code +} is kept as a plus sign, as SigV4 reads it).
   *
   * @param rawQuery the query, without {@code ?}
   * @param into where to add each value, in order
   */
  public static void parseQuery(String rawQuery, Map<String, List<String>> into) {
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
        bytes.write(Character.digit(raw[i + 1], 16) << 4 | Character.digit(raw[i + 2], 16));
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
