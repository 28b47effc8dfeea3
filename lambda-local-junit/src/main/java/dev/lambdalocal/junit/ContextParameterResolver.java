package dev.lambdalocal.junit;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.InvokeOptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a new {@link Context} of the test's function, its deadline one timeout from now, carrying
 * the test's Cognito identity.
 */
final class ContextParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Context.class
        && !parameter.isAnnotated(Event.class);
  }

  @Override
  public Context resolveParameter(ParameterContext parameter, ExtensionContext context) {
    InvokeOptions options =
        InvokeOptions.builder()
            .identity(IdentityParameterResolver.identity(parameter, context))
            .build();
    return LambdaTestExtension.function(parameter, context).newContext(options);
  }
}
