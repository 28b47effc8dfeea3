package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A handler factory of a {@code LocalLambdaExtension} that returned no handler of its class: thrown
 * from the init phase, out of the test's invocation, and turned into JUnit's {@code
 * ExtensionConfigurationException} by the extension, naming the field that registered it.
 *
 * @since 0.1.0
 */
public final class FactoryMistake extends LambdaConfigurationException {

  private static final long serialVersionUID = 1L;

  private FactoryMistake(String message) {
    super(message);
  }

  /**
   * Give {@code builder} the factory, checking what it returns.
   *
   * @param builder the function's builder
   * @param factory the registered factory
   * @param origin names the registration in messages
   * @param owner the context of the class or test the function belongs to
   */
  @SuppressWarnings("unchecked")
  static <T> void checked(
      LocalLambda.Builder builder,
      Registration.Factory factory,
      String origin,
      ExtensionContext owner) {
    Class<T> type = (Class<T>) factory.handlerClass();
    Supplier<?> registered = factory.bind(owner);
    builder.handlerFactory(
        type,
        () -> {
          Object handler = registered.get();
          if (handler == null) {
            throw new FactoryMistake(
                origin + ": the handler factory returned null instead of a " + type.getName());
          }
          if (!type.isInstance(handler)) {
            throw new FactoryMistake(
                origin
                    + ": the handler factory returned a "
                    + handler.getClass().getName()
                    + ", which is not a "
                    + type.getName());
          }
          return type.cast(handler);
        });
  }
}
