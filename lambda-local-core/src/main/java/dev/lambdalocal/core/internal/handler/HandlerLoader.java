package dev.lambdalocal.core.internal.handler;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers;
import java.util.Objects;

/**
 * Resolves a Lambda handler exactly as the AWS Lambda Java runtime interface client (2.10.x) does:
 * the same handler string syntax, class and method rules, overload priority, messages and the same
 * split between faults reported at init and faults reported on each invocation.
 *
 * <p>Handler strings are {@code package.Class} (a {@code RequestStreamHandler} or {@code
 * RequestHandler}) or {@code package.Class::method}, split at the last {@code ::}.
 *
 * @since 0.1.0
 */
public final class HandlerLoader {

  private final ClassHandlers classHandlers;
  private final MethodHandlers methodHandlers;

  /**
   * Create a loader whose POJO handlers use the runtime's serializers.
   *
   * @param serializers the serializers of the function the handlers belong to
   */
  public HandlerLoader(RuntimeSerializers serializers) {
    Objects.requireNonNull(serializers, "serializers");
    this.classHandlers = new ClassHandlers(serializers);
    this.methodHandlers = new MethodHandlers(serializers);
  }

  /**
   * Resolve a handler string, loading and initializing its class with {@code classLoader}: static
   * initializers run here.
   *
   * <p>Non-fatal faults (bad handler string, class not found, no suitable method or constructor)
   * come back as a handler that throws the fault on every call. Fatal ones (a static initializer or
   * constructor that throws) are thrown now. As in Lambda, a {@link NoClassDefFoundError} while
   * loading the class is fatal yet reported by the first call rather than now.
   *
   * @param handler the handler string, {@code Class} or {@code Class::method}
   * @param classLoader the function's class loader
   * @return the handler, or one that throws its non-fatal fault
   * @throws HandlerFault with {@code fatal() == true} when the function cannot initialize
   */
  public LoadedHandler load(String handler, ClassLoader classLoader) {
    Objects.requireNonNull(handler, "handler");
    int separator = handler.lastIndexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? null : handler.substring(separator + 2);
    if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
      return new FaultHandler(HandlerFault.of("Invalid handler: `" + handler + "'"));
    }
    Class<?> handlerClass;
    try {
      handlerClass = Class.forName(className, true, classLoader);
    } catch (ClassNotFoundException e) {
      return new FaultHandler(HandlerFault.classNotFound(e, className));
    } catch (NoClassDefFoundError e) {
      // Lambda returns this fatal fault as the handler instead of failing the init.
      return new FaultHandler(HandlerFault.initError(e, className));
    } catch (Throwable thrown) {
      throw HandlerFault.initError(thrown, className);
    }
    return failFast(
        methodName == null
            ? classHandlers.load(handlerClass)
            : methodHandlers.load(handlerClass, methodName));
  }

  /**
   * Resolve a handler class as a handler string without {@code ::method} would be: a {@code
   * RequestStreamHandler} or {@code RequestHandler} created with its public no-argument
   * constructor. The class is initialized first, as {@link #load(String, ClassLoader)} would.
   *
   * @param handlerClass the handler class
   * @return the handler, or one that throws its non-fatal fault
   * @throws HandlerFault with {@code fatal() == true} when the function cannot initialize
   */
  public LoadedHandler load(Class<?> handlerClass) {
    Objects.requireNonNull(handlerClass, "handlerClass");
    LoadedHandler fault = initializeOrFault(handlerClass);
    if (fault != null) {
      return fault;
    }
    return failFast(classHandlers.load(handlerClass));
  }

  /**
   * Resolve an existing handler object, a {@code RequestStreamHandler} or {@code RequestHandler},
   * under the class-form rules but without calling a constructor. A {@code RequestHandler}'s types
   * come from its class's generic signature, so a lambda expression does not qualify.
   *
   * @param handlerInstance the handler object
   * @return the handler, or one that throws its non-fatal fault
   */
  public LoadedHandler load(Object handlerInstance) {
    Objects.requireNonNull(handlerInstance, "handlerInstance");
    return failFast(classHandlers.load(handlerInstance));
  }

  /**
   * Resolve a handler that a factory creates: the handler class is initialized first (its static
   * initializers run, as for {@link #load(Class)}), then the factory runs where the runtime would
   * call the constructor. A factory that throws fails the init phase exactly as a constructor that
   * throws does.
   *
   * @param factory the handler's class and its factory
   * @return the handler, or one that throws its non-fatal fault
   * @throws HandlerFault with {@code fatal() == true} when the function cannot initialize
   * @throws LambdaConfigurationException when the factory returns {@code null} or an object that is
   *     not an instance of the declared class, or throws a {@code LambdaConfigurationException}
   *     itself: a mistake of the caller, not of the function
   */
  public LoadedHandler load(HandlerFactory factory) {
    Objects.requireNonNull(factory, "factory");
    Class<?> handlerClass = factory.handlerClass();
    String className = handlerClass.getName();
    LoadedHandler fault = initializeOrFault(handlerClass);
    if (fault != null) {
      return fault;
    }
    Object instance;
    try {
      instance = factory.factory().get();
    } catch (LambdaConfigurationException mistake) {
      // An adapter's own check of what the factory returned (lambda-local-junit's): the caller's.
      throw mistake;
    } catch (Throwable thrown) {
      // What HandlerInstances reports for a constructor that throws.
      throw HandlerFault.of(thrown, true);
    }
    if (instance == null) {
      throw new LambdaConfigurationException(
          "The handler factory of " + className + " returned null instead of a handler");
    }
    if (!handlerClass.isInstance(instance)) {
      throw new LambdaConfigurationException(
          "The handler factory of "
              + className
              + " returned a "
              + instance.getClass().getName()
              + ", which is not a "
              + className);
    }
    return failFast(classHandlers.load(instance));
  }

  /**
   * Initialize {@code handlerClass}; return the handler that throws a non-fatal fault of its
   * initialization, or null when it initialized.
   *
   * @throws HandlerFault with {@code fatal() == true} when the function cannot initialize
   */
  private static LoadedHandler initializeOrFault(Class<?> handlerClass) {
    String className = handlerClass.getName();
    try {
      initialize(handlerClass);
    } catch (ClassNotFoundException e) {
      return new FaultHandler(HandlerFault.classNotFound(e, className));
    } catch (NoClassDefFoundError e) {
      return new FaultHandler(HandlerFault.initError(e, className));
    } catch (Throwable thrown) {
      throw HandlerFault.initError(thrown, className);
    }
    return null;
  }

  private static void initialize(Class<?> handlerClass) throws ClassNotFoundException {
    // A hidden class cannot be found by name; its initializer runs when it is instantiated.
    if (!handlerClass.isHidden()) {
      Class.forName(handlerClass.getName(), true, handlerClass.getClassLoader());
    }
  }

  /** Throw a fatal fault now, as Lambda reports it as an init error rather than per invocation. */
  private static LoadedHandler failFast(LoadedHandler handler) {
    if (handler instanceof FaultHandler faultHandler && faultHandler.fault().fatal()) {
      throw faultHandler.fault();
    }
    return handler;
  }
}
