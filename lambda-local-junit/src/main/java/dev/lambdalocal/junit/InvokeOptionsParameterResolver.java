package dev.lambdalocal.junit;

import dev.lambdalocal.core.InvokeOptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects {@link InvokeOptions} that carry the test's Cognito identity, for {@code
 * LocalLambda.invoke(event, options)}; invocations without options carry no identity, as in Lambda
 * when the caller is not a Cognito identity.
 */
final class InvokeOptionsParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == InvokeOptions.class
        && !parameter.isAnnotated(Event.class);
  }

  @Override
  public InvokeOptions resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return InvokeOptions.builder()
        .identity(IdentityParameterResolver.identity(parameter, context))
        .build();
  }
}
