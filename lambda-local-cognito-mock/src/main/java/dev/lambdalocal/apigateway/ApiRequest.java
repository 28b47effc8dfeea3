package dev.lambdalocal.apigateway;

import dev.lambdalocal.apigateway.internal.client.RequestUris;
import dev.lambdalocal.apigateway.internal.client.SignedRequests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request of an {@link ApiClient} being put together; {@link #send()} signs and sends it. Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class ApiRequest {

  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final SignedRequests requests;
  private final URI baseUri;

  private final String method;
  private final String path;
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private byte[] body;

  ApiRequest(SignedRequests requests, URI baseUri, String method, String path) {
    this.requests = requests;
    this.baseUri = baseUri;
    this.method = method;
    int question = path.indexOf('?');
    this.path = question < 0 ? path : path.substring(0, question);
    if (question >= 0) {
      RequestUris.parseQuery(path.substring(question + 1), query);
    }
  }

  /**
   * Add values to a query parameter (unencoded: they are percent-encoded when sent).
   *
   * @param name the parameter name
   * @param values its values, in order; a parameter may be repeated
   * @return this request
   */
  public ApiRequest query(String name, String... values) {
    Objects.requireNonNull(name, "name");
    List<String> list = query.computeIfAbsent(name, n -> new ArrayList<>());
    for (String value : values) {
      list.add(Objects.requireNonNull(value, "value of " + name));
    }
    return this;
  }

  /**
   * Add query parameters.
   *
   * @param parameters names and their values (unencoded)
   * @return this request
   */
  public ApiRequest query(Map<String, ? extends Collection<String>> parameters) {
    parameters.forEach((name, values) -> query(name, values.toArray(String[]::new)));
    return this;
  }

  /**
   * Add a header value; it is signed with the request.
   *
   * @param name the header name; not one the HTTP client sets itself ({@code Host}, {@code
   *     Content-Length}, {@code Connection}, {@code Expect}, {@code Upgrade})
   * @param value the value
   * @return this request
   * @throws IllegalArgumentException naming the header when it is one the HTTP client sets
   */
  public ApiRequest header(String name, String value) {
    if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("header " + name + " is set by the HTTP client");
    }
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(Objects.requireNonNull(value));
    return this;
  }

  /**
   * Set the {@code Content-Type} header, replacing any earlier one.
   *
   * @param contentType e.g. {@code application/xml}
   * @return this request
   */
  public ApiRequest contentType(String contentType) {
    headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    return this;
  }

  /**
   * Set a JSON payload, encoded as UTF-8, with {@code Content-Type: application/json} unless a
   * content type is set.
   *
   * @param json the payload
   * @return this request
   */
  public ApiRequest json(String json) {
    headers.putIfAbsent("Content-Type", new ArrayList<>(List.of("application/json")));
    return body(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Set the payload as it is to be sent; set its type with {@link #contentType(String)}.
   *
   * @param payload the bytes (copied)
   * @return this request
   */
  public ApiRequest body(byte[] payload) {
    this.body = payload.clone();
    return this;
  }

  /**
   * Sign the request with the identity's credentials (getting them first if needed) and send it.
   *
   * @return the response, whatever its status (an API Gateway 403 is a response, not an error)
   * @throws IllegalStateException with Cognito's error when no credentials can be had
   * @throws java.io.UncheckedIOException naming the URI when the request cannot be sent
   */
  public ApiResponse send() {
    return requests.send(method, baseUri, path, query, headers, body);
  }
}
