package dev.lambdalocal.aws.internal.server;

import dev.lambdalocal.aws.internal.sigv4.RequestHeaders;
import java.util.Objects;

/**
 * One request as a {@link MountedService} receives it.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent without {@code ?}, empty when there is none
 * @param headers the request headers
 * @param body the body bytes (never null; do not modify)
 * @param principal whom the verified signature identifies ({@link
 *     dev.lambdalocal.aws.internal.sigv4.KeyRing.Holder}), or null for an unsigned request
 */
public record ServiceRequest(
    String method,
    String rawPath,
    String rawQuery,
    RequestHeaders headers,
    byte[] body,
    Object principal) {

  /** Create a request; everything but the principal is required. */
  public ServiceRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** Return the first value of a header, or null. */
  public String header(String name) {
    return headers.first(name).orElse(null);
  }

  /** Return the same request with {@code principal}. */
  public ServiceRequest withPrincipal(Object principal) {
    return new ServiceRequest(method, rawPath, rawQuery, headers, body, principal);
  }
}
