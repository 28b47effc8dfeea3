package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.cognito.LambdaServiceSettings;
import dev.lambdalocal.junit.internal.cognito.LambdaServiceSupport;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link WithLambdaService @WithLambdaService} service before the class's first test and
 * injects it and its client. Types are compared by name, so that this class never loads them.
 */
final class LambdaServiceExtension implements BeforeAllCallback, ParameterResolver {

  static final String SERVICE = "dev.lambdalocal.lambda.LambdaServiceMock";
  static final String CLIENT = "software.amazon.awssdk.services.lambda.LambdaClient";

  @Override
  public void beforeAll(ExtensionContext context) {
    LambdaServiceSettings.find(context).ifPresent(LambdaServiceSupport::service);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    String type = parameter.getParameter().getType().getName();
    return (type.equals(SERVICE) || type.equals(CLIENT)) && !parameter.isAnnotated(Event.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LambdaServiceSettings settings =
        LambdaServiceSettings.find(context)
            .orElseThrow(
                () ->
                    new org.junit.jupiter.api.extension.ParameterResolutionException(
                        Describe.parameter(parameter)
                            + ": needs the offline Lambda service; annotate the class with"
                            + " @WithLambdaService"));
    return parameter.getParameter().getType().getName().equals(SERVICE)
        ? LambdaServiceSupport.service(settings)
        : LambdaServiceSupport.client(settings);
  }
}
