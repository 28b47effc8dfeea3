package dev.lambdalocal.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Where the extension keeps its state: the {@link Store} of one namespace, at the level of the
 * context the state belongs to. Nothing is kept anywhere else.
 *
 * @since 0.1.0
 */
public final class Stores {

  /** The namespace of everything lambda-local stores. */
  public static final Namespace NAMESPACE = Namespace.create("dev.lambdalocal.junit");

  private Stores() {}

  /**
   * Return the store of {@code context}.
   *
   * @param context the context
   * @return its store in lambda-local's namespace
   */
  public static Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }

  /**
   * Return the context of the test method {@code context} belongs to: the method itself, or the
   * {@code @ParameterizedTest} or {@code @RepeatedTest} method of an invocation; {@code context}
   * itself outside test methods (a class, {@code @BeforeAll}).
   *
   * @param context the current context
   * @return the method-level context
   */
  public static ExtensionContext testLevel(ExtensionContext context) {
    ExtensionContext level = context;
    Optional<ExtensionContext> parent = level.getParent();
    while (parent.isPresent() && parent.get().getTestMethod().isPresent()) {
      level = parent.get();
      parent = level.getParent();
    }
    return level;
  }

  /**
   * Return the contexts of the test classes around {@code context}, innermost first: the class and
   * the classes enclosing a {@code @Nested} one.
   *
   * @param context the current context
   * @return the class-level contexts
   */
  public static List<ExtensionContext> classLevels(ExtensionContext context) {
    List<ExtensionContext> levels = new ArrayList<>();
    for (Optional<ExtensionContext> current = Optional.of(context);
        current.isPresent();
        current = current.get().getParent()) {
      ExtensionContext level = current.get();
      if (level.getTestMethod().isEmpty() && level.getTestClass().isPresent()) {
        levels.add(level);
      }
    }
    return levels;
  }

  /**
   * Return the class loader that tests load events and handler classes from: the thread's context
   * class loader, else the test class's.
   *
   * @param context the current context
   * @return the class loader
   */
  public static ClassLoader classLoader(ExtensionContext context) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader != null) {
      return loader;
    }
    return context
        .getTestClass()
        .map(Class::getClassLoader)
        .orElseGet(ClassLoader::getSystemClassLoader);
  }
}
