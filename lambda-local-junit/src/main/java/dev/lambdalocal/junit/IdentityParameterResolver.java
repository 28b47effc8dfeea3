package dev.lambdalocal.junit;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.Identities;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the test's Cognito identity as {@link Identity} or {@link CognitoIdentity}: one per test
 * method, in Cognito's {@code <region>:<uuid>} format, the same one that {@link
 * com.amazonaws.services.lambda.runtime.Context}, {@link dev.lambdalocal.core.InvokeOptions} and
 * the placeholders of {@link Event} events carry. Under {@link WithCognitoMock @WithCognitoMock}
 * the identity comes from the Cognito mock.
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
    return identity(parameter, context);
  }

  /** Return the test's identity, or fail naming the parameter that needs it. */
  static Identity identity(ParameterContext parameter, ExtensionContext context) {
    try {
      return Identities.of(context);
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(
          Describe.parameter(parameter) + ": " + e.getMessage(), e);
    }
  }
}
