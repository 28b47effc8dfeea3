package dev.lambdalocal.apigateway.internal.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.commons.lang3.StringEscapeUtils;

/**
 * {@code $util} of API Gateway's mapping templates, function for function as AWS's "Variables for
 * data transformations" reference describes them
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference);
 * strings are UTF-8. Public for Velocity's introspection only.
 */
public final class UtilVariable {

  static final UtilVariable INSTANCE = new UtilVariable();

  private UtilVariable() {}

  /**
   * Escape {@code text} with JavaScript string rules: quotes, backslash, slash, control characters
   * and non-ASCII characters ({@code '} becomes {@code \'}, which AWS's reference warns is not
   * valid JSON).
   */
  @SuppressWarnings("deprecation") // the ECMAScript escaper of Commons Lang is the rule AWS states
  public String escapeJavaScript(Object text) {
    return text == null ? null : StringEscapeUtils.escapeEcmaScript(String.valueOf(text));
  }

  /**
   * Parse stringified JSON into what templates navigate ({@code $obj.key2.arr[0]}).
   *
   * @throws TemplateFunctionException when {@code json} is not JSON
   */
  public Object parseJson(Object json) {
    if (json == null) {
      return null;
    }
    try {
      return VtlValues.toJava(Json.MAPPER.readTree(String.valueOf(json)));
    } catch (JsonProcessingException e) {
      throw new TemplateFunctionException(
          "$util.parseJson: not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Encode {@code text} as {@code application/x-www-form-urlencoded}. */
  public String urlEncode(Object text) {
    return text == null ? null : URLEncoder.encode(String.valueOf(text), StandardCharsets.UTF_8);
  }

  /** Decode an {@code application/x-www-form-urlencoded} string. */
  public String urlDecode(Object text) {
    return text == null ? null : URLDecoder.decode(String.valueOf(text), StandardCharsets.UTF_8);
  }

  /** Encode {@code text}'s UTF-8 bytes in base64. */
  public String base64Encode(Object text) {
    return text == null
        ? null
        : Base64.getEncoder().encodeToString(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
  }

  /** Decode base64 into a UTF-8 string. */
  public String base64Decode(Object text) {
    return text == null
        ? null
        : new String(Base64.getDecoder().decode(String.valueOf(text)), StandardCharsets.UTF_8);
  }
}
