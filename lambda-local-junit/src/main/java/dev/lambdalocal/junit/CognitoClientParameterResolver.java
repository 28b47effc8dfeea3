package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.CognitoMockSettings;
import dev.lambdalocal.junit.internal.cognito.CognitoSupport;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects an AWS SDK v2 {@code CognitoIdentityClient} pointed at the class's {@link
 * WithCognitoMock @WithCognitoMock} mock: one per class, closed by the engine when the class ends.
 * Claims the type only where a mock is configured, so that a project's own resolver of real clients
 * keeps working elsewhere.
 */
final class CognitoClientParameterResolver implements ParameterResolver {

  static final String CLIENT =
      "software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType().getName().equals(CLIENT)
        && !parameter.isAnnotated(Event.class)
        && CognitoMockSettings.find(context).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return CognitoSupport.client(CognitoMockParameterResolver.settings(parameter, context, ""));
  }
}
