package dev.lambdalocal.apigateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a function's result into the HTTP response API Gateway sends, as its "output format of a
 * Lambda function for proxy integration" (payload 1.0) and HTTP API's format 2.0 response, with its
 * inference for results that are not proxy-shaped, describe.
 */
final class ProxyResponses {

  private static final Set<String> REST_FIELDS =
      Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

  private ProxyResponses() {}

  /**
   * Read a payload 1.0 proxy response.
   *
   * @param decodeBase64 whether the request's {@code Accept} matches one of the API's binary media
   *     types: only then does a REST API decode an {@code isBase64Encoded} body; otherwise the
   *     client gets the base64 text (AWS's "Binary media types for REST APIs" page;
   *     ministackorg/ministack#767 checked both against a real REST API)
   * @return the response, or empty when API Gateway would call it malformed (502)
   */
  static Optional<GatewayResponse> rest(byte[] payload, boolean decodeBase64) {
    JsonNode node = parse(payload);
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (!REST_FIELDS.contains(names.next())) {
        return Optional.empty();
      }
    }
    Integer status = statusCode(node.get("statusCode"));
    if (status == null) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    JsonNode single = node.get("headers");
    JsonNode multi = node.get("multiValueHeaders");
    if (!isNullOrObject(single) || !isNullOrObject(multi)) {
      return Optional.empty();
    }
    // AWS: when both carry a header, the values of multiValueHeaders win.
    if (multi != null && multi.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isArray()) {
          return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : entry.getValue()) {
          if (!value.isValueNode()) {
            return Optional.empty();
          }
          values.add(value.asText());
        }
        headers.put(entry.getKey(), values);
      }
    }
    if (single != null && single.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isValueNode()) {
          return Optional.empty();
        }
        if (!containsIgnoreCase(headers, entry.getKey())) {
          headers.put(entry.getKey(), List.of(entry.getValue().asText()));
        }
      }
    }
    if (!containsIgnoreCase(headers, "Content-Type")) {
      headers.put("Content-Type", List.of("application/json"));
    }
    return body(node, status, headers, decodeBase64);
  }

  /**
   * Read a payload 2.0 response: proxy-shaped when it is a JSON object with a {@code statusCode},
   * otherwise a 200 {@code application/json} response whose body is the result.
   *
   * @return the response, or empty when API Gateway would refuse it (500)
   */
  static Optional<GatewayResponse> http(byte[] payload) {
    JsonNode node = parse(payload);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isObject() || !node.has("statusCode")) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("Content-Type", List.of("application/json"));
      byte[] body = node.isTextual() ? node.textValue().getBytes(StandardCharsets.UTF_8) : payload;
      return Optional.of(new GatewayResponse(200, headers, body));
    }
    Integer status = statusCode(node.get("statusCode"));
    JsonNode headerNode = node.get("headers");
    JsonNode cookies = node.get("cookies");
    if (status == null || !isNullOrObject(headerNode)) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (headerNode != null && headerNode.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isValueNode()) {
          return Optional.empty();
        }
        headers.put(entry.getKey(), List.of(entry.getValue().asText()));
      }
    }
    if (cookies != null && !cookies.isNull()) {
      if (!cookies.isArray()) {
        return Optional.empty();
      }
      List<String> values = new ArrayList<>();
      cookies.forEach(cookie -> values.add(cookie.asText()));
      if (!values.isEmpty()) {
        headers.put("Set-Cookie", values);
      }
    }
    return body(node, status, headers, true);
  }

  private static Optional<GatewayResponse> body(
      JsonNode node, int status, Map<String, List<String>> headers, boolean decodeBase64) {
    JsonNode body = node.get("body");
    JsonNode base64 = node.get("isBase64Encoded");
    if (body != null && !body.isNull() && !body.isTextual()) {
      return Optional.empty();
    }
    if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
      return Optional.empty();
    }
    String text = body == null || body.isNull() ? "" : body.textValue();
    byte[] bytes;
    if (base64 != null && base64.asBoolean() && decodeBase64) {
      try {
        bytes = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    } else {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    return Optional.of(new GatewayResponse(status, headers, bytes));
  }

  private static Integer statusCode(JsonNode node) {
    int status;
    if (node == null) {
      return null;
    } else if (node.isInt()) {
      status = node.intValue();
    } else if (node.isTextual() && node.textValue().matches("\\d{3}")) {
      status = Integer.parseInt(node.textValue());
    } else {
      return null;
    }
    return status >= 100 && status <= 599 ? status : null;
  }

  private static JsonNode parse(byte[] payload) {
    if (payload.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(payload);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isNullOrObject(JsonNode node) {
    return node == null || node.isNull() || node.isObject();
  }

  private static boolean containsIgnoreCase(Map<String, List<String>> headers, String name) {
    return headers.keySet().stream().anyMatch(key -> key.equalsIgnoreCase(name));
  }
}
