package dev.lambdalocal.apigateway.internal.mapping;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A non-proxy integration of one operation, read from its {@code x-amazon-apigateway-integration}:
 * what to call, how to map the request and how to choose and map the response.
 *
 * @param type {@code aws} (a Lambda function), {@code http}, {@code http_proxy} or {@code mock}
 * @param operation the method and path, e.g. {@code GET /users/{id}}, as messages name it
 * @param functionName the function of an {@code aws} integration, else null
 * @param uri the endpoint of an {@code http} or {@code http_proxy} integration, else null
 * @param httpMethod the integration request's method ({@code ANY}: the method request's)
 * @param requestTemplates request templates by lower-case content type; a null template passes the
 *     payload through
 * @param passthroughBehavior what to do when no template matches the request's content type
 * @param requestParameters {@code integration.request.…} targets to their sources
 * @param responses the integration responses in the file's order
 */
public record Integration(
    Type type,
    String operation,
    String functionName,
    URI uri,
    String httpMethod,
    Map<String, MappingTemplate> requestTemplates,
    PassthroughBehavior passthroughBehavior,
    Map<String, String> requestParameters,
    List<IntegrationResponse> responses) {

  /** The integration types emulated besides {@code aws_proxy}. */
  public enum Type {
    /** A Lambda function with mapping templates (non-proxy). */
    AWS,
    /** An HTTP endpoint with mapping templates. */
    HTTP,
    /** An HTTP endpoint that receives the request as sent. */
    HTTP_PROXY,
    /** No backend: the request template's {@code statusCode} selects the response. */
    MOCK;

    /** Return the type {@code name} names (any case), or null. */
    public static Type of(String name) {
      for (Type type : values()) {
        if (type.name().equals(name.toUpperCase(Locale.ROOT))) {
          return type;
        }
      }
      return null;
    }
  }

  /** API Gateway's {@code passthroughBehavior} values. */
  public enum PassthroughBehavior {
    /** Pass the payload through when no template matches its content type (the default). */
    WHEN_NO_MATCH,
    /** Pass it through only when the integration has no template at all; else 415. */
    WHEN_NO_TEMPLATES,
    /** Never pass it through: 415 when no template matches. */
    NEVER
  }
}
