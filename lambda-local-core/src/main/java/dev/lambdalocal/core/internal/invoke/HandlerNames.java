package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.internal.handler.HandlerFactory;

/** Names derived from a handler: its handler string, class name and a default function name. */
public final class HandlerNames {

  private HandlerNames() {}

  /**
   * Return the handler as Lambda's {@code _HANDLER} shows it, for a string, class, factory or
   * instance.
   */
  public static String handlerString(Object handler) {
    if (handler instanceof String string) {
      return string;
    }
    if (handler instanceof Class<?> type) {
      return type.getName();
    }
    if (handler instanceof HandlerFactory factory) {
      return factory.handlerClass().getName();
    }
    return handler.getClass().getName();
  }

  /** Return the class part of a handler string: everything before its last {@code ::}. */
  public static String className(String handlerString) {
    int methodAt = handlerString.lastIndexOf("::");
    return methodAt < 0 ? handlerString : handlerString.substring(0, methodAt);
  }

  /**
   * Return the function name used when none is set: the handler's simple class name, reduced to the
   * characters a function name allows.
   */
  public static String defaultFunctionName(String handlerString) {
    String className = className(handlerString);
    String simple = className.substring(className.lastIndexOf('.') + 1);
    simple = simple.substring(simple.lastIndexOf('$') + 1).replaceAll("[^a-zA-Z0-9_-]", "");
    return simple.isEmpty() ? "function" : simple;
  }
}
