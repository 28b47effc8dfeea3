package dev.lambdalocal.core.internal.handler;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/** Creates handler instances under the AWS runtime's constructor rules. */
final class HandlerInstances {

  private HandlerInstances() {}

  /**
   * Create an instance with the class's public zero-argument constructor.
   *
   * <p>A constructor that throws is a fatal {@link HandlerFault}; anything else that goes wrong (no
   * suitable constructor, an abstract or inaccessible class) is thrown as is, for the caller to
   * turn into a non-fatal fault, as Lambda does.
   */
  static <T> T create(Class<T> handlerClass) throws Throwable {
    Constructor<T> constructor = publicNoArgConstructor(handlerClass);
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw HandlerFault.of(e.getCause() == null ? e : e.getCause(), true);
    } catch (InstantiationException e) {
      throw e.getCause() == null ? e : e.getCause();
    }
  }

  private static <T> Constructor<T> publicNoArgConstructor(Class<T> handlerClass) throws Exception {
    try {
      return handlerClass.getConstructor();
    } catch (NoSuchMethodException e) {
      // Lambda's text; its Exception type ("java.lang.Exception") is what the fault reports.
      if (handlerClass.getEnclosingClass() != null
          && !Modifier.isStatic(handlerClass.getModifiers())) {
        throw new Exception(
            "Class "
                + handlerClass.getName()
                + " cannot be instantiated because it is a non-static inner class");
      }
      throw new Exception(
          "Class " + handlerClass.getName() + " has no public zero-argument constructor", e);
    }
  }
}
