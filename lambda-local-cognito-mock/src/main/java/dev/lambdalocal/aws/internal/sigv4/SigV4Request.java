package dev.lambdalocal.aws.internal.sigv4;

import java.util.Arrays;
import java.util.Objects;

/**
 * One HTTP request as it reached API Gateway, in the raw form SigV4 is computed over: the method,
 * the path and query string exactly as sent (still percent-encoded), the headers and the body.
 */
public final class SigV4Request {

  private static final byte[] NO_BODY = new byte[0];

  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final RequestHeaders headers;
  private final byte[] body;

  private SigV4Request(Builder builder) {
    this.method = Objects.requireNonNull(builder.method, "method");
    this.rawPath = builder.rawPath == null || builder.rawPath.isEmpty() ? "/" : builder.rawPath;
    this.rawQuery = builder.rawQuery == null ? "" : builder.rawQuery;
    this.headers = builder.headers;
    this.body = builder.body;
  }

  /** Return a builder; the method is required, everything else defaults to empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** Return the HTTP method as sent, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** Return the path as sent, percent-encoding included, e.g. {@code /dev/a%20b}. */
  public String rawPath() {
    return rawPath;
  }

  /** Return the query string as sent, without the {@code ?}; empty when there is none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** Return the request headers. */
  public RequestHeaders headers() {
    return headers;
  }

  /** Return a copy of the body; empty when there is none. */
  public byte[] body() {
    return body.clone();
  }

  // The verifier reads the body without copying it; it never writes to it.
  byte[] bodyUnsafe() {
    return body;
  }

  @Override
  public String toString() {
    String query = rawQuery.isEmpty() ? "" : "?" + rawQuery;
    return method + " " + rawPath + query + " " + headers + " (" + body.length + " body bytes)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigV4Request that
        && method.equals(that.method)
        && rawPath.equals(that.rawPath)
        && rawQuery.equals(that.rawQuery)
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
  }

  /** Builds a {@link SigV4Request}; not thread-safe. */
  public static final class Builder {

    private String method;
    private String rawPath;
    private String rawQuery;
    private RequestHeaders headers = RequestHeaders.empty();
    private byte[] body = NO_BODY;

    private Builder() {}

    /** Set the HTTP method, e.g. {@code POST}. */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /** Set the path as sent, still percent-encoded; empty or null means {@code /}. */
    public Builder rawPath(String rawPath) {
      this.rawPath = rawPath;
      return this;
    }

    /** Set the query string as sent, without the {@code ?}; null means none. */
    public Builder rawQuery(String rawQuery) {
      this.rawQuery = rawQuery;
      return this;
    }

    /** Set the headers. */
    public Builder headers(RequestHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /** Set the body; it is copied. Null means no body. */
    public Builder body(byte[] body) {
      this.body = body == null ? NO_BODY : body.clone();
      return this;
    }

    /** Return the request. */
    public SigV4Request build() {
      return new SigV4Request(this);
    }
  }
}
