package dev.lambdalocal.apigateway.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables of one rendering: {@code $input}, {@code $util}, {@code $context}, {@code
 * $stageVariables}.
 */
public final class TemplateVariables {

  private TemplateVariables() {}

  /**
   * Return the variables of a template.
   *
   * @param input the payload and the method request's parameters
   * @param context the {@code $context} fields as JSON (nested objects become maps)
   * @param stageVariables the stage's variables
   */
  public static Map<String, Object> of(
      InputVariable input, JsonNode context, Map<String, String> stageVariables) {
    Map<String, Object> variables = new HashMap<>(8);
    variables.put("input", input);
    variables.put("util", UtilVariable.INSTANCE);
    variables.put("context", VtlValues.toJava(context));
    variables.put("stageVariables", stageVariables);
    return variables;
  }
}
