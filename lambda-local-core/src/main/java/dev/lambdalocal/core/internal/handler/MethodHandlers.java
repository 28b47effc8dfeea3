package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the method form of a handler ({@code Class::method}) as the AWS runtime's {@code
 * loadEventPojoHandler} does: every public method of that name, best overload first, and the first
 * one with a supported signature wins.
 *
 * <p>Supported signatures, where {@code Pojo} is any type but the streams and {@link Context}:
 * {@code ()}, {@code (InputStream)}, {@code (OutputStream)}, {@code (Context)}, {@code (Pojo)},
 * {@code (OutputStream, Context)}, {@code (InputStream, OutputStream)}, {@code (InputStream,
 * Context)}, {@code (Pojo, Context)} and {@code (InputStream, OutputStream, Context)}.
 */
final class MethodHandlers {

  /**
   * The class Lambda names when a type has no public method at all: its message takes the name of
   * its own {@code HandlerInfo} class instead of the handler's.
   */
  static final String LAMBDA_HANDLER_INFO_CLASS =
      "com.amazonaws.services.lambda.runtime.api.client.HandlerInfo";

  /**
   * Non-bridge methods first, then longer signatures first, a trailing {@link Context} counting as
   * one more parameter (Lambda keeps this weighting for backward compatibility).
   */
  static final Comparator<Method> PRIORITY =
      Comparator.comparing(Method::isBridge)
          .thenComparing(Comparator.comparingInt(MethodHandlers::weight).reversed());

  private final RuntimeSerializers serializers;

  MethodHandlers(RuntimeSerializers serializers) {
    this.serializers = serializers;
  }

  private static int weight(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    boolean endsWithContext =
        parameters.length != 0 && Context.class.equals(parameters[parameters.length - 1]);
    return parameters.length + (endsWithContext ? 1 : 0);
  }

  /** Resolve {@code methodName} on {@code handlerClass}; a failure comes back as a fault. */
  LoadedHandler load(Class<?> handlerClass, String methodName) {
    Method[] methods;
    try {
      methods = handlerClass.getMethods();
    } catch (NoClassDefFoundError e) {
      return new FaultHandler(
          new HandlerFault(
              "Error loading method " + methodName + " on class " + handlerClass.getName(),
              e.getClass().getName(),
              StackTraces.print(e),
              false));
    }
    if (methods.length == 0) {
      return new FaultHandler(
          HandlerFault.of(
              "Class " + LAMBDA_HANDLER_INFO_CLASS + " has no public method named " + methodName));
    }
    List<Method> overloads = new ArrayList<>();
    for (Method method : methods) {
      if (method.getName().equals(methodName)) {
        overloads.add(method);
      }
    }
    overloads.sort(PRIORITY); // stable, like Lambda's Arrays.sort
    for (Method method : overloads) {
      Optional<LoadedHandler> handler = fromOverload(handlerClass, method);
      if (handler.isPresent()) {
        return handler.get();
      }
    }
    return new FaultHandler(
        HandlerFault.of(
            "No public method named "
                + methodName
                + " with appropriate method signature found on class "
                + handlerClass.getName()));
  }

  private Optional<LoadedHandler> fromOverload(Class<?> handlerClass, Method method) {
    Type returnType = method.getGenericReturnType();
    Type[] parameters = method.getGenericParameterTypes();
    switch (parameters.length) {
      case 0:
        return Optional.of(pojo(handlerClass, method, null, returnType, false));
      case 1:
        return Optional.of(oneParameter(handlerClass, method, parameters[0], returnType));
      case 2:
        return twoParameters(handlerClass, method, parameters[0], parameters[1], returnType);
      case 3:
        if (InputStream.class.equals(parameters[0])
            && OutputStream.class.equals(parameters[1])
            && isContext(parameters[2])) {
          return Optional.of(stream(handlerClass, method, true, true, true));
        }
        // Lambda's message, unbalanced parenthesis included.
        return ignore(
            "Ignoring three-argument overload because argument signature is not"
                + " (InputStream, OutputStream, Context");
      default:
        return ignore(
            "Ignoring an overload of method "
                + method.getName()
                + " because it has too many parameters: Expected at most 3, got "
                + parameters.length);
    }
  }

  private LoadedHandler oneParameter(
      Class<?> handlerClass, Method method, Type parameter, Type returnType) {
    if (InputStream.class.equals(parameter)) {
      return stream(handlerClass, method, true, false, false);
    }
    if (OutputStream.class.equals(parameter)) {
      return stream(handlerClass, method, false, true, false);
    }
    if (isContext(parameter)) {
      return pojo(handlerClass, method, null, returnType, true);
    }
    return pojo(handlerClass, method, parameter, returnType, false);
  }

  private Optional<LoadedHandler> twoParameters(
      Class<?> handlerClass, Method method, Type first, Type second, Type returnType) {
    if (OutputStream.class.equals(first)) {
      if (isContext(second)) {
        return Optional.of(stream(handlerClass, method, false, true, true));
      }
      return ignore(
          "Ignoring two-argument overload because first argument type is OutputStream and second"
              + " argument type is not Context");
    }
    if (isContext(first)) {
      return ignore("Ignoring two-argument overload because first argument type is Context");
    }
    if (InputStream.class.equals(first)) {
      if (OutputStream.class.equals(second)) {
        return Optional.of(stream(handlerClass, method, true, true, false));
      }
      if (isContext(second)) {
        return Optional.of(stream(handlerClass, method, true, false, true));
      }
      return ignore(
          "Ignoring two-argument overload because second parameter type, "
              + rawClass(second).getName()
              + ", is not OutputStream.");
    }
    if (isContext(second)) {
      return Optional.of(pojo(handlerClass, method, first, returnType, true));
    }
    return ignore("Ignoring two-argument overload because second parameter type is not Context");
  }

  private static Optional<LoadedHandler> ignore(String message) {
    System.err.println(message);
    return Optional.empty();
  }

  private static boolean isContext(Type type) {
    return Context.class.equals(type);
  }

  /** Lambda's raw class of a parameter type; it gives up (uncaught) on type variables. */
  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> clazz) {
      return clazz;
    }
    if (type instanceof ParameterizedType parameterized) {
      return rawClass(parameterized.getRawType());
    }
    if (type instanceof GenericArrayType array) {
      return Array.newInstance(rawClass(array.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof TypeVariable<?>) {
      throw new IllegalStateException("type variables not supported");
    }
    throw new IllegalStateException("unsupport type: " + type.getClass().getName());
  }

  private LoadedHandler pojo(
      Class<?> handlerClass, Method method, Type input, Type returnType, boolean takesContext) {
    try {
      Object instance = instanceFor(handlerClass, method);
      return new PojoAdapter(
          new MethodTargets.Pojo(method, instance, input != null, takesContext),
          input,
          returnType,
          serializers);
    } catch (HandlerFault fault) {
      return new FaultHandler(fault);
    } catch (Throwable thrown) {
      return new FaultHandler(HandlerFault.of(thrown, false));
    }
  }

  private static LoadedHandler stream(
      Class<?> handlerClass,
      Method method,
      boolean takesInput,
      boolean takesOutput,
      boolean takesContext) {
    try {
      if (!PojoAdapter.isVoid(method.getReturnType())) {
        System.err.println(
            "Will ignore return type " + method.getReturnType() + " on byte stream handler");
      }
      Object instance = instanceFor(handlerClass, method);
      return new StreamAdapter(
          new MethodTargets.Stream(method, instance, takesInput, takesOutput, takesContext));
    } catch (HandlerFault fault) {
      return new FaultHandler(fault);
    } catch (Throwable thrown) {
      return new FaultHandler(HandlerFault.of(thrown, false));
    }
  }

  /** Static methods need no instance; for the others one is created once, now. */
  private static Object instanceFor(Class<?> handlerClass, Method method) throws Throwable {
    return Modifier.isStatic(method.getModifiers()) ? null : HandlerInstances.create(handlerClass);
  }
}
