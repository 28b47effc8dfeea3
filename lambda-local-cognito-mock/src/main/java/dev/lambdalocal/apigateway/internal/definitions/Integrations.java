package dev.lambdalocal.apigateway.internal.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.ApiType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an operation's {@code x-amazon-apigateway-integration}: a Lambda proxy integration and the
 * name of its function.
 */
final class Integrations {

  static final String EXTENSION = "x-amazon-apigateway-integration";

  private static final String FUNCTION_ARN =
      "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:([A-Za-z0-9_-]{1,64})"
          + "(?::[A-Za-z0-9$_-]{1,128})?";

  /** The invocation URI of a Lambda function, for REST and HTTP APIs alike. */
  private static final Pattern INVOCATION_URI =
      Pattern.compile(
          "arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/"
              + FUNCTION_ARN
              + "/invocations");

  /** HTTP APIs also take the function's ARN itself. */
  private static final Pattern FUNCTION = Pattern.compile(FUNCTION_ARN);

  private static final String EXPECTED =
      "arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/"
          + "arn:aws:lambda:<region>:<account>:function:<name>/invocations";

  private Integrations() {}

  /**
   * Return the type of an integration, in lower case.
   *
   * @throws InvalidDefinition when the integration is missing, not an object or has no type
   */
  static String type(JsonNode integration) {
    if (integration == null) {
      throw new InvalidDefinition(
          "no " + EXTENSION + ": ApiGatewayMock runs Lambda proxy integrations (type aws_proxy)");
    }
    if (!integration.isObject()) {
      throw new InvalidDefinition(EXTENSION + " is not an object");
    }
    if (integration.has("$ref")) {
      throw new InvalidDefinition(
          EXTENSION + " by $ref is not supported: write the integration in the operation");
    }
    String integrationType = text(integration, "type");
    if (integrationType == null) {
      throw new InvalidDefinition(EXTENSION + " has no type (aws_proxy)");
    }
    return integrationType.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Return the name of the function a Lambda proxy integration invokes (without its qualifier).
   *
   * @throws InvalidDefinition when the integration is missing or not a Lambda proxy integration
   */
  static String functionName(JsonNode integration, ApiType type) {
    String integrationType = type(integration);
    if (!integrationType.equals("aws_proxy")) {
      throw new InvalidDefinition(
          "integration type '"
              + integrationType
              + "' is not supported: ApiGatewayMock runs integrations of type aws_proxy, aws"
              + " (Lambda), http, http_proxy and mock"
              + (type == ApiType.HTTP ? " (HTTP APIs: aws_proxy only)" : ""));
    }
    String httpMethod = text(integration, "httpMethod");
    if (httpMethod == null ? type == ApiType.REST : !httpMethod.equalsIgnoreCase("POST")) {
      throw new InvalidDefinition(
          "integration httpMethod must be POST to invoke a Lambda function, was " + httpMethod);
    }
    String payloadFormat = text(integration, "payloadFormatVersion");
    if (type == ApiType.HTTP && payloadFormat != null && !payloadFormat.equals("2.0")) {
      throw new InvalidDefinition(
          "payloadFormatVersion " + payloadFormat + " is not emulated for HTTP APIs: use 2.0");
    }
    return functionNameInUri(integration.get("uri"), type);
  }

  static String functionNameInUri(JsonNode uri, ApiType type) {
    if (uri == null || uri.isNull()) {
      throw new InvalidDefinition("integration has no uri (" + EXPECTED + ")");
    }
    if (!uri.isTextual()) {
      throw new InvalidDefinition(
          "integration uri must be a plain string, not "
              + uri
              + " (intrinsic functions such as"
              + " Fn::Sub are not resolved)");
    }
    String text = uri.textValue().strip();
    if (text.contains("${")) {
      throw new InvalidDefinition(
          "integration uri "
              + text
              + " has a ${…} substitution, which ApiGatewayMock does not resolve: name the"
              + " function in full");
    }
    Matcher matcher = INVOCATION_URI.matcher(text);
    if (matcher.matches()) {
      return matcher.group(1);
    }
    Matcher function = FUNCTION.matcher(text);
    if (type == ApiType.HTTP && function.matches()) {
      return function.group(1);
    }
    throw new InvalidDefinition(
        "integration uri "
            + text
            + " is not a Lambda function's invocation URI ("
            + EXPECTED
            + ")");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }
}
