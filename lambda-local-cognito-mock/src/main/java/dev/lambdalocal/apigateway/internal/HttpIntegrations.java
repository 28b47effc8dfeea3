package dev.lambdalocal.apigateway.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Calls the endpoint of an {@code http} or {@code http_proxy} integration — always on this machine:
 * the integration's host is replaced by the local endpoint the user mapped it to, and a host that
 * is neither mapped nor loopback was refused when the API started.
 */
final class HttpIntegrations {

  /** Headers the JDK client sets itself or refuses. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final HttpClient client;
  private final Map<String, URI> hosts;
  private final Duration timeout;

  HttpIntegrations(Map<String, URI> hosts, Duration timeout) {
    this.hosts = hosts;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  /** What the endpoint answered, or why it did not. */
  record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean timedOut) {}

  /**
   * Send a request to {@code target} (the integration's URI with its path variables filled in), its
   * host replaced by its mapping.
   */
  Answer send(
      String method,
      URI target,
      Map<String, String> query,
      Map<String, List<String>> headers,
      byte[] body)
      throws IOException, InterruptedException {
    URI local = local(target, query);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(local)
            .timeout(timeout)
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(value -> request.header(name, value));
          }
        });
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().map(), response.body(), false);
    } catch (HttpTimeoutException e) {
      return new Answer(0, Map.of(), new byte[0], true);
    }
  }

  private URI local(URI target, Map<String, String> query) {
    URI mapped = hosts.get(target.getHost().toLowerCase(Locale.ROOT));
    String base =
        mapped == null
            ? target.getScheme() + "://" + target.getRawAuthority()
            : stripSlash(mapped.toString());
    StringBuilder uri = new StringBuilder(base).append(target.getRawPath());
    String separator = target.getRawQuery() == null ? "?" : "?" + target.getRawQuery() + "&";
    if (target.getRawQuery() != null && query.isEmpty()) {
      uri.append('?').append(target.getRawQuery());
    }
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      uri.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    return URI.create(uri.toString());
  }

  private static String stripSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
