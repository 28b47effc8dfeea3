package dev.lambdalocal.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The function behind the members API of {@code members-2015.yaml}: records every event exactly as
 * it arrived, and fails with the error messages the API's selection patterns choose between.
 */
final class MembersHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    events.add(event);
    JsonNode node = JSON.readTree(event);
    String org = node.path("org_id").asText();
    String user = node.path("username").asText();
    switch (org.isEmpty() ? user : org) {
      case "boom" -> throw new IllegalStateException("error: nothing here");
      case "ghost" -> throw new IllegalStateException("unknown_org");
      case "odd" -> throw new IllegalStateException("something else");
      case "taken" -> throw new IllegalStateException("user_already_exists");
      case "x" -> throw new IllegalArgumentException("bad_length");
      default -> {
        // an answer
      }
    }
    String result =
        node.has("username")
            ? JSON.writeValueAsString(Map.of("created", user))
            : "{\"results\":[{\"name\":\"Ada\",\"nick\":\"ada\"},{\"name\":\"Grace\",\"nick\":\"\"}],"
                + "\"next\":\"page 2&more\"}";
    output.write(result.getBytes(StandardCharsets.UTF_8));
  }
}
