package dev.lambdalocal.cognito.internal.token;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads the claims of third-party JWTs (user pool ID tokens, OIDC tokens) without verifying them.
 */
public final class Jwts {

  private Jwts() {}

  /**
   * Return the claims of {@code token}, or null when it is not a JWS in compact form with a JSON
   * object as payload.
   */
  public static JsonNode claims(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims != null && claims.isObject() ? claims : null;
    } catch (IllegalArgumentException | IOException e) {
      // Not base64url or not JSON: not a JWT, which the caller reports in AWS's words.
      return null;
    }
  }
}
