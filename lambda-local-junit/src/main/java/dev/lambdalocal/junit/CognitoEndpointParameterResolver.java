package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.cognito.CognitoSupport;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the parameters annotated with {@link CognitoEndpoint}. */
final class CognitoEndpointParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(CognitoEndpoint.class);
  }

  @Override
  public URI resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type != URI.class) {
      throw new ParameterResolutionException(
          "@CognitoEndpoint on "
              + Describe.parameter(parameter)
              + ": the endpoint is a java.net.URI, not a "
              + type.getName());
    }
    return CognitoSupport.endpoint(
        CognitoMockParameterResolver.settings(parameter, context, "@CognitoEndpoint on "));
  }
}
