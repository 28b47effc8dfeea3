package dev.lambdalocal.junit;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.FunctionSettings;
import dev.lambdalocal.junit.internal.Functions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Checks the {@link LambdaTest} settings before the tests run, starts the class's shared function,
 * and injects the function as {@link LocalLambda}.
 */
final class LambdaTestExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    Functions.prepare(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // A method's own @LambdaTest is checked even if the test never asks for its function.
    FunctionSettings.resolve(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalLambda.class
        && !parameter.isAnnotated(Event.class);
  }

  @Override
  public LocalLambda resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return function(parameter, context);
  }

  /** Return the test's function, or fail naming the parameter that needs it. */
  static LocalLambda function(ParameterContext parameter, ExtensionContext context) {
    try {
      return Functions.find(context)
          .orElseThrow(
              () ->
                  new ParameterResolutionException(
                      Describe.parameter(parameter)
                          + " needs a function: set @LambdaTest(handler = …) or"
                          + " @LambdaTest(handlerName = \"…\")"));
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(
          Describe.parameter(parameter) + ": " + e.getMessage(), e);
    }
  }
}
