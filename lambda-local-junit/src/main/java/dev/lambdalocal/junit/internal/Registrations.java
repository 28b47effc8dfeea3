package dev.lambdalocal.junit.internal;

import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds the {@code LocalLambdaExtension} a test class registers with {@link RegisterExtension}, by
 * reading the fields themselves, as JUnit does: so that what it configures is known to every
 * extension from the start, whatever order the extensions run in.
 *
 * @since 0.1.0
 */
public final class Registrations {

  private static final String EXTENSION_CLASS = "dev.lambdalocal.junit.LocalLambdaExtension";

  /** Reads a registered extension's settings; handed over by the extension class itself. */
  private static volatile Function<Object, Registration> reader;

  private static volatile Class<?> extensionType;

  private Registrations() {}

  /**
   * Let this class read the settings of extensions of {@code type}; called once by that class.
   *
   * @param type the extension class
   * @param settings reads the settings of one of its instances
   * @since 0.1.0
   */
  public static void grant(Class<?> type, Function<Object, Registration> settings) {
    extensionType = type;
    reader = settings;
  }

  /**
   * A registration and where it is.
   *
   * @param registration the settings
   * @param field the field that holds the extension
   * @param isStatic whether the field is static (a function per class by default)
   * @since 0.1.0
   */
  public record Found(Registration registration, Field field, boolean isStatic) {

    /** Return the field for messages: {@code static field pkg.Tests.orders}. */
    public String where() {
      return (isStatic ? "static field " : "field ")
          + field.getDeclaringClass().getName()
          + "."
          + field.getName();
    }

    /**
     * Name the registration with the settings a message is about.
     *
     * @param attributes e.g. {@code timeout = PT1.5S}; empty for the registration itself
     * @return e.g. {@code LocalLambdaExtension(timeout = PT1.5S) in static field pkg.Tests.orders}
     */
    public String describe(String attributes) {
      return "LocalLambdaExtension"
          + (attributes.isEmpty() ? "" : "(" + attributes + ")")
          + " in "
          + where();
    }

    /**
     * Fail unless exactly one handler is set.
     *
     * @throws ExtensionConfigurationException naming the registration
     */
    public void checkHandlerCount() {
      if (registration.handler() == null) {
        throw new ExtensionConfigurationException(
            describe("") + ": set a handler with handler(…) or handlerName(…)");
      }
      if (registration.handlerCalls() > 1) {
        throw new ExtensionConfigurationException(
            describe("")
                + ": set one handler, not "
                + registration.handlerCalls()
                + " (handler(…) and handlerName(…) each set it)");
      }
    }

    /**
     * Return the cold start policy: the registration's, else per test for an instance field, else
     * {@code inherited} (the configuration parameter's or per class).
     *
     * @param inherited the policy without the registration
     * @param context the current context
     * @return the policy
     * @throws ExtensionConfigurationException when an instance field asks for a function per class
     *     that JUnit cannot give it (a new test instance per test)
     */
    public ColdStart coldStart(ColdStart inherited, ExtensionContext context) {
      ColdStart policy =
          registration.coldStart() != ColdStart.DEFAULT
              ? registration.coldStart()
              : isStatic ? inherited : ColdStart.PER_TEST;
      if (!isStatic
          && policy == ColdStart.PER_CLASS
          && context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD)
              == Lifecycle.PER_METHOD) {
        throw new ExtensionConfigurationException(
            describe("coldStart = PER_CLASS") + ": a function per class needs a static field");
      }
      return policy;
    }

    /**
     * Fail when {@code @LambdaTest} also configures a function of {@code context}.
     *
     * @param context the current context
     * @throws ExtensionConfigurationException naming both
     */
    public void rejectAnnotations(ExtensionContext context) {
      List<AnnotatedElement> elements = new ArrayList<>();
      context.getTestMethod().ifPresent(elements::add);
      Stores.classLevels(context).forEach(level -> elements.add(level.getRequiredTestClass()));
      for (AnnotatedElement element : elements) {
        if (AnnotationSupport.isAnnotated(element, LambdaTest.class)) {
          throw new ExtensionConfigurationException(
              describe("")
                  + " and @LambdaTest on "
                  + Describe.element(element)
                  + ": configure the function with one of them, not both");
        }
      }
    }
  }

  /**
   * Find the registration that applies to {@code context}: in a static field of its class or of an
   * enclosing class, or in an instance field of one of its test instances.
   *
   * @param context the current context
   * @return the registration, empty when there is none
   * @throws ExtensionConfigurationException when there are several
   */
  public static Optional<Found> find(ExtensionContext context) {
    if (extensionType == null) {
      initializeExtensionClass();
    }
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (ExtensionContext level : Stores.classLevels(context)) {
      classes.add(level.getRequiredTestClass());
    }
    List<Found> found = new ArrayList<>();
    for (Class<?> testClass : classes) {
      collectStatic(testClass, found);
    }
    context
        .getTestInstances()
        .ifPresent(
            instances -> instances.getAllInstances().forEach(i -> collectInstance(i, found)));
    if (found.size() > 1) {
      throw new ExtensionConfigurationException(
          found.get(0).where()
              + " and "
              + found.get(1).where()
              + ": register one LocalLambdaExtension per test class");
    }
    return found.stream().findFirst();
  }

  private static void initializeExtensionClass() {
    try {
      // Its static initializer calls grant(...).
      Class.forName(EXTENSION_CLASS, true, Registrations.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(EXTENSION_CLASS + " is missing from lambda-local-junit", e);
    }
  }

  private static void collectInstance(Object instance, List<Found> found) {
    for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          read(field, instance, found);
        }
      }
    }
  }

  private static void collectStatic(Class<?> testClass, List<Found> found) {
    for (Class<?> type = testClass; type != null && type != Object.class; ) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          read(field, null, found);
        }
      }
      type = type.getSuperclass();
    }
  }

  private static void read(Field field, Object instance, List<Found> found) {
    if (!field.isAnnotationPresent(RegisterExtension.class)) {
      return;
    }
    Object value;
    try {
      field.setAccessible(true);
      value = field.get(instance);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return; // JUnit itself reports a field it cannot read
    }
    if (extensionType.isInstance(value)) {
      Found entry = new Found(reader.apply(value), field, instance == null);
      if (found.stream().noneMatch(other -> other.field().equals(field))) {
        found.add(entry);
      }
    }
  }
}
