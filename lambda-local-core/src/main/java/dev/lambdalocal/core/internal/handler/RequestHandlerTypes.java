package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Finds the input and output types of a {@link RequestHandler} class the way the AWS runtime does.
 *
 * <p>The search is breadth-first over generic interfaces, then the generic superclass, resolving
 * type variables by name along the way; the first parameterized interface that is a {@code
 * RequestHandler} (or a sub-interface of it) supplies the arguments. Its quirks are Lambda's and
 * are kept: a sub-interface's own type arguments are taken as they stand, whatever their number or
 * order.
 */
final class RequestHandlerTypes {

  private RequestHandlerTypes() {}

  /**
   * Return the checked input and output types of {@code handlerClass}.
   *
   * @throws HandlerFault (non-fatal) with Lambda's text when the types cannot be used
   */
  static Type[] of(Class<?> handlerClass) {
    Type[] types = find(handlerClass, RequestHandler.class);
    if (types == null) {
      throw HandlerFault.of(
          "Class "
              + handlerClass.getName()
              + " does not implement RequestHandler with concrete type parameters");
    }
    if (types.length != 2) {
      throw HandlerFault.of(
          "Invalid class signature for RequestHandler. Expected two generic types, got "
              + types.length);
    }
    for (Type type : types) {
      if (type instanceof TypeVariable<?> variable && !hasUpperBound(variable)) {
        throw HandlerFault.of(
            "Class "
                + handlerClass.getName()
                + " does not implement RequestHandler with concrete type parameters: parameter "
                + variable
                + " has no upper bound.");
      }
    }
    return types;
  }

  private static boolean hasUpperBound(TypeVariable<?> variable) {
    Type[] bounds = variable.getBounds();
    if (bounds != null) {
      for (Type bound : bounds) {
        if (!Object.class.equals(bound)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Return the type arguments of the first parameterized {@code target} found, or null. */
  static Type[] find(Class<?> start, Class<?> target) {
    Queue<Node> queue = new ArrayDeque<>();
    queue.add(new Node(start, null));
    while (!queue.isEmpty()) {
      Node current = queue.remove();
      for (Type type : current.raw.getGenericInterfaces()) {
        if (type instanceof ParameterizedType parameterized) {
          if (!(parameterized.getRawType() instanceof Class<?> rawClass)) {
            System.err.println("raw type is not a class: " + parameterized.getRawType());
            continue;
          }
          Node node = Node.of(parameterized, current);
          if (target.isAssignableFrom(rawClass)) {
            return node.arguments;
          }
          queue.add(node);
        } else if (type instanceof Class<?> clazz) {
          queue.add(Node.of(clazz, current));
        } else {
          System.err.println("Unexpected type class " + type.getClass().getName());
        }
      }
      Type superclass = current.raw.getGenericSuperclass();
      if (superclass instanceof ParameterizedType parameterized) {
        queue.add(Node.of(parameterized, current));
      } else if (superclass != null) {
        queue.add(Node.of((Class<?>) superclass, current));
      }
    }
    return null;
  }

  /** A class met in the search, with its type arguments as far as they are known (or null). */
  private record Node(Class<?> raw, Type[] arguments) {

    static Node of(Class<?> clazz, Node from) {
      TypeVariable<?>[] parameters = clazz.getTypeParameters();
      if (parameters.length == 0 || from.arguments == null) {
        return new Node(clazz, null);
      }
      // Lambda resolves a raw supertype's own variables by name in the subtype; kept as is.
      Type[] arguments = new Type[parameters.length];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = from.resolve(parameters[i]);
      }
      return new Node(clazz, arguments);
    }

    static Node of(ParameterizedType type, Node from) {
      Type[] arguments = type.getActualTypeArguments();
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i] instanceof TypeVariable<?> variable) {
          arguments[i] = from.resolve(variable);
        }
      }
      Type raw = type.getRawType();
      if (raw instanceof Class<?> clazz) {
        return new Node(clazz, arguments);
      }
      if (raw instanceof TypeVariable<?> variable) {
        return new Node((Class<?>) variable.getGenericDeclaration(), arguments);
      }
      throw new RuntimeException("Type " + raw + " is of unexpected type " + raw.getClass());
    }

    Type resolve(TypeVariable<?> variable) {
      TypeVariable<?>[] parameters = raw.getTypeParameters();
      for (int i = 0; i < parameters.length; i++) {
        if (variable.getName().equals(parameters[i].getName())) {
          return arguments == null ? parameters[i] : arguments[i];
        }
      }
      return variable;
    }
  }
}
