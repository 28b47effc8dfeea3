package dev.lambdalocal.core.internal.handler;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A handler that a factory creates in each init phase, in place of the runtime's call to the
 * handler class's public no-argument constructor.
 *
 * @param handlerClass the class the factory's handlers are instances of; names the handler in
 *     {@code _HANDLER}, the default function name and messages
 * @param factory creates one handler per execution environment
 * @since 0.1.0
 */
public record HandlerFactory(Class<?> handlerClass, Supplier<?> factory) {

  /** Check that both parts are present. */
  public HandlerFactory {
    Objects.requireNonNull(handlerClass, "handlerClass");
    Objects.requireNonNull(factory, "factory");
  }
}
