package dev.lambdalocal.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP over loopback, as a client of the API would send it. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String USER_AGENT = "lambda-local-tests/1.0";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).header("User-Agent", USER_AGENT);
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<byte[]> sendForBytes(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(URI uri) {
    return send(request(uri).GET().build());
  }

  /** Parse the event an {@link Handlers.EventEcho} answered with. */
  static JsonNode echoedEvent(HttpResponse<String> response) {
    String body = response.body();
    try {
      return JSON.readTree(body.substring(0, body.lastIndexOf('\n')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
