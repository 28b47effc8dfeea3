package dev.lambdalocal.junit;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.internal.Identities;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the test's Cognito identity as {@link Identity} or {@link CognitoIdentity}: one per test
 * method, in Cognito's {@code <region>:<uuid>} format, the same one that {@link
 * com.amazonaws.services.lambda.runtime.Context}, {@link dev.lambdalocal.core.InvokeOptions} and
 * the placeholders of {@link Event} events carry.
 */
final class IdentityParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return (type == Identity.class || type == CognitoIdentity.class)
        && !parameter.isAnnotated(Event.class);
  }

  @Override
  public Identity resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return Identities.of(context);
  }
}
