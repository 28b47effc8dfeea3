package dev.lambdalocal.apigateway.internal.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A document's security schemes and the authorization they give an operation: IAM for a scheme with
 * {@code x-amazon-apigateway-authtype: awsSigv4}, or an operation's {@code
 * x-amazon-apigateway-auth}.
 */
final class SecuritySchemes {

  static final String AUTH_EXTENSION = "x-amazon-apigateway-auth";

  private static final String SIGV4 =
      "type apiKey, name Authorization, in header, x-amazon-apigateway-authtype awsSigv4";

  private final String definedIn;
  private final Map<String, Boolean> sigV4ByName = new HashMap<>();
  private final JsonNode documentSecurity;

  private SecuritySchemes(String definedIn, JsonNode schemes, JsonNode documentSecurity) {
    this.definedIn = definedIn;
    this.documentSecurity = documentSecurity;
    if (schemes != null && schemes.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schemes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> scheme = it.next();
        sigV4ByName.put(scheme.getKey(), isSigV4(scheme.getValue()));
      }
    }
  }

  /** Read the schemes of a Swagger 2.0 ({@code openApi3 == false}) or OpenAPI 3 document. */
  static SecuritySchemes of(JsonNode root, boolean openApi3) {
    return openApi3
        ? new SecuritySchemes(
            "components.securitySchemes",
            root.path("components").get("securitySchemes"),
            root.get("security"))
        : new SecuritySchemes(
            "securityDefinitions", root.get("securityDefinitions"), root.get("security"));
  }

  /**
   * Return the authorization of {@code operation}: its {@code x-amazon-apigateway-auth} if any,
   * else its {@code security} (or the document's) — IAM when it names an {@code awsSigv4} scheme.
   *
   * @throws InvalidDefinition naming an unknown or unsupported scheme or authorization type
   */
  Authorization authorization(JsonNode operation) {
    JsonNode auth = operation.get(AUTH_EXTENSION);
    if (auth != null) {
      String type = auth.path("type").asText("");
      if (type.equalsIgnoreCase("AWS_IAM")) {
        return Authorization.AWS_IAM;
      }
      if (type.equalsIgnoreCase("NONE")) {
        return Authorization.NONE;
      }
      throw new InvalidDefinition(
          AUTH_EXTENSION + " type '" + type + "' is not supported (AWS_IAM or NONE)");
    }
    JsonNode security = operation.has("security") ? operation.get("security") : documentSecurity;
    if (security == null || security.isNull()) {
      return Authorization.NONE;
    }
    if (!security.isArray()) {
      throw new InvalidDefinition("security is not a list of security requirements");
    }
    boolean iam = false;
    for (JsonNode requirement : security) {
      if (!requirement.isObject()) {
        throw new InvalidDefinition("security requirement is not an object: " + requirement);
      }
      for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        Boolean sigV4 = sigV4ByName.get(name);
        if (sigV4 == null) {
          throw new InvalidDefinition(
              "security scheme '" + name + "' is not defined in " + definedIn);
        }
        if (!sigV4) {
          throw new InvalidDefinition(
              "security scheme '"
                  + name
                  + "' is not supported: ApiGatewayMock emulates IAM authorization only ("
                  + SIGV4
                  + ")");
        }
        iam = true;
      }
    }
    return iam ? Authorization.AWS_IAM : Authorization.NONE;
  }

  private static boolean isSigV4(JsonNode scheme) {
    return scheme.path("type").asText("").equalsIgnoreCase("apiKey")
        && scheme.path("x-amazon-apigateway-authtype").asText("").equalsIgnoreCase("awsSigv4");
  }
}
