package dev.lambdalocal.junit;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.EventFiles;
import dev.lambdalocal.junit.internal.Identities;
import dev.lambdalocal.junit.internal.Stores;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the parameters annotated with {@link Event}. */
final class EventParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(Event.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String location = parameter.findAnnotation(Event.class).orElseThrow().value();
    String where = "@Event(\"" + location + "\") on " + Describe.parameter(parameter);
    ClassLoader loader = Stores.classLoader(context);
    try {
      String json = EventFiles.read(location, loader, Identities.placeholders(context));
      return EventFiles.convert(
          json, parameter.getParameter().getParameterizedType(), loader, location);
    } catch (LambdaConfigurationException | ExtensionConfigurationException e) {
      throw new ParameterResolutionException(where + ": " + e.getMessage(), e);
    }
  }
}
