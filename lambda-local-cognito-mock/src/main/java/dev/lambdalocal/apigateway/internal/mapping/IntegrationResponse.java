package dev.lambdalocal.apigateway.internal.mapping;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of an integration's {@code responses}: the pattern that selects it, the method
 * response's status code, its header mappings and its templates.
 *
 * @param selectionPattern the key's regular expression, matched on the whole Lambda {@code
 *     errorMessage} or HTTP status code; null for {@code default}
 * @param statusCode the status code to answer
 * @param responseParameters {@code method.response.header.NAME} to its source
 * @param responseTemplates response templates by content type; a null template passes the
 *     integration's payload through
 */
public record IntegrationResponse(
    Pattern selectionPattern,
    int statusCode,
    Map<String, String> responseParameters,
    Map<String, MappingTemplate> responseTemplates) {

  /**
   * Choose the response for {@code value} (a Lambda error's message or an HTTP status code; null
   * for a Lambda function's success, which only the default takes): the first whose pattern matches
   * it whole, else the default.
   *
   * @return the response, or null when none matches and there is no default
   */
  public static IntegrationResponse select(List<IntegrationResponse> responses, String value) {
    IntegrationResponse fallback = null;
    for (IntegrationResponse response : responses) {
      if (response.selectionPattern() == null) {
        if (fallback == null) {
          fallback = response;
        }
      } else if (value != null && response.selectionPattern().matcher(value).matches()) {
        return response;
      }
    }
    return fallback;
  }
}
