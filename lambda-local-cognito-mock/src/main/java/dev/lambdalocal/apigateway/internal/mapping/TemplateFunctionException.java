package dev.lambdalocal.apigateway.internal.mapping;

/**
 * A function of {@code $input} or {@code $util} that cannot do what a template asks (a malformed
 * JSONPath, a payload that is not JSON). Not an {@link IllegalArgumentException}: Velocity takes
 * that for a mismatched method and renders nothing instead of failing.
 */
public final class TemplateFunctionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TemplateFunctionException(String message, Throwable cause) {
    super(message, cause);
  }
}
