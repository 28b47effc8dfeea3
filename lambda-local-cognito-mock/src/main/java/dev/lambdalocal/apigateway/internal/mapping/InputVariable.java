package dev.lambdalocal.apigateway.internal.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $input} of API Gateway's mapping templates: the payload (the method request's in a request
 * template, the integration's in a response template) and the method request's parameters, as AWS's
 * reference describes them
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference).
 * Public for Velocity's introspection only.
 */
public final class InputVariable {

  private final String body;
  private final Map<String, Map<String, String>> params;
  private JsonNode parsed;

  /**
   * Create the variable.
   *
   * @param body the payload as text
   * @param path the path parameters
   * @param querystring the query string parameters (the last value of each name)
   * @param header the headers (the last value of each name)
   */
  public InputVariable(
      String body,
      Map<String, String> path,
      Map<String, String> querystring,
      Map<String, String> header) {
    // An empty payload reads as an empty object ($input.json('$') is {}), as LocalStack's
    // AWS-validated emulation also has it.
    this.body = body == null || body.isEmpty() ? "{}" : body;
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    // The order of AWS's example output of $input.params(): path, header, querystring.
    all.put("path", Collections.unmodifiableMap(path));
    all.put("header", Collections.unmodifiableMap(header));
    all.put("querystring", Collections.unmodifiableMap(querystring));
    this.params = Collections.unmodifiableMap(all);
  }

  /** Return the raw payload. */
  public String getBody() {
    return body;
  }

  /**
   * Evaluate a JSONPath on the payload and return the result as a JSON string ({@code
   * $input.json('$.pets')}); the empty string when a definite path matches nothing.
   */
  public String json(String path) {
    JsonNode result = evaluate(path);
    return result == null ? "" : Json.write(result);
  }

  /**
   * Evaluate a JSONPath on the payload and return the result as an object the template can navigate
   * ({@code $input.path('$.pets').size()}); null when a definite path matches nothing.
   */
  public Object path(String path) {
    return VtlValues.toJava(evaluate(path));
  }

  private JsonNode evaluate(String path) {
    JsonNode root = parsed();
    try {
      return JsonPaths.evaluate(path, root);
    } catch (IllegalArgumentException e) {
      throw new TemplateFunctionException(e.getMessage(), e);
    }
  }

  /**
   * Return every parameter: {@code path}, {@code header} and {@code querystring}, name to value.
   */
  public Map<String, Map<String, String>> params() {
    return params;
  }

  /**
   * Return the parameter {@code name} from the path, else the query string, else the headers (in
   * that order); the empty string when there is none.
   */
  public String params(String name) {
    for (String where : new String[] {"path", "querystring", "header"}) {
      Map<String, String> values = params.get(where);
      String value = where.equals("header") ? header(values, name) : values.get(name);
      if (value != null) {
        return value;
      }
    }
    return "";
  }

  private static String header(Map<String, String> headers, String name) {
    String exact = headers.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private JsonNode parsed() {
    if (parsed == null) {
      try {
        parsed = Json.MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        throw new TemplateFunctionException(
            "the payload is not JSON, so $input.json and $input.path cannot read it: "
                + e.getOriginalMessage(),
            e);
      }
    }
    return parsed;
  }
}
