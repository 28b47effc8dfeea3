package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls a handler method by reflection, as the AWS runtime's method request handlers do. */
final class MethodTargets {

  private MethodTargets() {}

  /** A method that takes an optional POJO event and an optional {@link Context}. */
  record Pojo(Method method, Object instance, boolean takesInput, boolean takesContext)
      implements PojoAdapter.Target {

    @Override
    public Object call(Object input, Context context) throws Throwable {
      Object[] arguments = new Object[(takesInput ? 1 : 0) + (takesContext ? 1 : 0)];
      int next = 0;
      if (takesInput) {
        arguments[next++] = input;
      }
      if (takesContext) {
        arguments[next] = context;
      }
      return invoke(method, instance, arguments);
    }
  }

  /** A method that takes streams and/or a {@link Context}; what it returns is ignored. */
  record Stream(
      Method method, Object instance, boolean takesInput, boolean takesOutput, boolean takesContext)
      implements StreamAdapter.Target {

    @Override
    public void call(InputStream in, OutputStream out, Context context) throws Throwable {
      Object[] arguments =
          new Object[(takesInput ? 1 : 0) + (takesOutput ? 1 : 0) + (takesContext ? 1 : 0)];
      int next = 0;
      if (takesInput) {
        arguments[next++] = in;
      } else {
        in.close();
      }
      if (takesOutput) {
        arguments[next++] = out;
      }
      if (takesContext) {
        arguments[next] = context;
      }
      invoke(method, instance, arguments);
      if (!takesOutput) {
        PojoAdapter.writeJsonNull(out);
      }
    }
  }

  private static Object invoke(Method method, Object instance, Object[] arguments)
      throws Throwable {
    try {
      return method.invoke(instance, arguments);
    } catch (InvocationTargetException e) {
      // The user sees what their code threw, never the reflection wrapper.
      throw e.getCause() == null ? e : e.getCause();
    }
  }
}
