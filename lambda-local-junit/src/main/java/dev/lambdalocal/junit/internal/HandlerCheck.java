package dev.lambdalocal.junit.internal;

import java.lang.reflect.Method;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Checks a handler as the runtime will resolve it, without initializing any class, so that a
 * misspelt handler fails the test class with the runtime's own words rather than every invocation.
 */
final class HandlerCheck {
  private static final String REQUEST_HANDLER =
      "com.amazonaws.services.lambda.runtime.RequestHandler";
  private static final String REQUEST_STREAM_HANDLER =
      "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

  private HandlerCheck() {}

  static void check(String handler, ClassLoader loader, String where) {
    int separator = handler.lastIndexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? null : handler.substring(separator + 2);
    if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
      // The runtime's own text for a handler string it cannot split.
      throw new ExtensionConfigurationException(where + ": Invalid handler: `" + handler + "'");
    }
    Class<?> handlerClass;
    try {
      handlerClass = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ExtensionConfigurationException(where + ": Class not found: " + className, e);
    }
    if (methodName == null) {
      checkClass(handlerClass, where);
    } else {
      checkMethod(handlerClass, methodName, where);
    }
  }

  static void checkClass(Class<?> handlerClass, String where) {
    if (!implementsHandler(handlerClass)) {
      throw new ExtensionConfigurationException(
          where
              + ": Class does not implement an appropriate handler interface: "
              + handlerClass.getName());
    }
  }

  static void checkMethod(Class<?> handlerClass, String methodName, String where) {
    for (Method method : handlerClass.getMethods()) {
      if (method.getName().equals(methodName)) {
        return;
      }
    }
    throw new ExtensionConfigurationException(
        where
            + ": No public method named "
            + methodName
            + " with appropriate method signature found on class "
            + handlerClass.getName());
  }

  /** By name, so that a handler from another class loader is recognized too. */
  private static boolean implementsHandler(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      if (implementsHandlerInterface(current)) {
        return true;
      }
    }
    return false;
  }

  private static boolean implementsHandlerInterface(Class<?> type) {
    for (Class<?> implemented : type.getInterfaces()) {
      String name = implemented.getName();
      if (Objects.equals(name, REQUEST_HANDLER)
          || Objects.equals(name, REQUEST_STREAM_HANDLER)
          || implementsHandlerInterface(implemented)) {
        return true;
      }
    }
    return false;
  }
}
