package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.cognito.ApiSupport;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the parameters annotated with {@link ApiBaseUri}. */
final class ApiBaseUriParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(ApiBaseUri.class);
  }

  @Override
  public URI resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type != URI.class) {
      throw new ParameterResolutionException(
          "@ApiBaseUri on "
              + Describe.parameter(parameter)
              + ": the base URI is a java.net.URI, not a "
              + type.getName());
    }
    return ApiSupport.baseUri(
        ApiGatewayParameterResolver.settings(parameter, context, "@ApiBaseUri on "));
  }
}
