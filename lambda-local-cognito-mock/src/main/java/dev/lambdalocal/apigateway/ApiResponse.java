package dev.lambdalocal.apigateway;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to a request an {@link ApiClient} sent: status, headers and body, whatever the status
 * (a 403 from API Gateway is a response like any other). Immutable.
 *
 * @since 0.1.0
 */
public final class ApiResponse {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  /**
   * Create a response; the headers and body are copied.
   *
   * @param statusCode the HTTP status
   * @param headers the headers, each with all its values
   * @param body the body bytes (empty when there is none)
   */
  public ApiResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {
    this.statusCode = statusCode;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers")
        .forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = Objects.requireNonNull(body, "body").clone();
  }

  /**
   * Return the HTTP status.
   *
   * @return e.g. {@code 200} or {@code 403}
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Return whether the status is 2xx.
   *
   * @return {@code true} for 200–299
   */
  public boolean isSuccessful() {
    return statusCode >= 200 && statusCode < 300;
  }

  /**
   * Return the headers; names are looked up case-insensitively.
   *
   * @return an unmodifiable map of header names to their values
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Return the first value of a header.
   *
   * @param name the header name, in any case, e.g. {@code x-amzn-ErrorType}
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Return the body bytes.
   *
   * @return a copy of the body; empty when there is none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Return the body as text, in the charset of its {@code Content-Type} (UTF-8 when none or an
   * unknown one is given).
   *
   * @return the body text
   */
  public String bodyText() {
    return new String(body, charset());
  }

  private Charset charset() {
    String contentType = header("Content-Type").orElse("");
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = trimmed.substring("charset=".length()).replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Return the status and the body text, e.g. {@code 403 {"message":"Forbidden"}}. */
  @Override
  public String toString() {
    return statusCode + " " + bodyText();
  }
}
