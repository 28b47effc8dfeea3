package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.ApiGatewaySettings;
import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.cognito.ApiSupport;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the {@link WithApiGateway @WithApiGateway} API's {@code ApiClient} and the {@code
 * ApiGatewayMock} itself. The types are compared by name, so that this class never loads them; they
 * are claimed only where an API is configured, so that a project's own resolver of clients of a
 * real API keeps working elsewhere.
 */
final class ApiGatewayParameterResolver implements ParameterResolver {

  static final String API_CLIENT = "dev.lambdalocal.apigateway.ApiClient";
  static final String API_GATEWAY_MOCK = "dev.lambdalocal.apigateway.ApiGatewayMock";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    String type = parameter.getParameter().getType().getName();
    return (type.equals(API_CLIENT) || type.equals(API_GATEWAY_MOCK))
        && !parameter.isAnnotated(Event.class)
        && ApiGatewaySettings.isDeclared(context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ApiGatewaySettings settings = settings(parameter, context, "");
    return parameter.getParameter().getType().getName().equals(API_CLIENT)
        ? ApiSupport.client(settings)
        : ApiSupport.mock(settings);
  }

  /**
   * Return the settings of the test's API, or fail naming the parameter that needs it.
   *
   * @param what what the parameter is, for the message: {@code ""} or {@code "@ApiBaseUri on "}
   */
  static ApiGatewaySettings settings(
      ParameterContext parameter, ExtensionContext context, String what) {
    try {
      return ApiGatewaySettings.find(context)
          .orElseThrow(
              () ->
                  new ParameterResolutionException(
                      what
                          + Describe.parameter(parameter)
                          + " needs the API: annotate the class with @WithApiGateway"));
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(
          what + Describe.parameter(parameter) + ": " + e.getMessage(), e);
    }
  }
}
