package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.CognitoDependency;
import dev.lambdalocal.junit.internal.CognitoMockSettings;
import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.cognito.CognitoSupport;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the {@link WithCognitoMock @WithCognitoMock} mock as {@code CognitoMock}, or — registered
 * by {@link LambdaTest @LambdaTest} too — fails a test that asks for one without the annotation,
 * naming the parameter. The type is compared by name, so that this class never loads it.
 */
final class CognitoMockParameterResolver implements ParameterResolver {

  static final String COGNITO_MOCK = "dev.lambdalocal.cognito.CognitoMock";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType().getName().equals(COGNITO_MOCK)
        && !parameter.isAnnotated(Event.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return CognitoSupport.cognitoMock(settings(parameter, context, ""));
  }

  /**
   * Return the settings of the test's mock, or fail naming the parameter that needs it.
   *
   * @param what what the parameter is, for the message: {@code ""} or {@code "@CognitoEndpoint "}
   */
  static CognitoMockSettings settings(
      ParameterContext parameter, ExtensionContext context, String what) {
    try {
      CognitoMockSettings settings =
          CognitoMockSettings.find(context)
              .orElseThrow(
                  () ->
                      new ParameterResolutionException(
                          what
                              + Describe.parameter(parameter)
                              + " needs the Cognito mock: annotate the class with"
                              + " @WithCognitoMock"));
      CognitoDependency.require(settings.origin());
      return settings;
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(
          Describe.parameter(parameter) + ": " + e.getMessage(), e);
    }
  }
}
