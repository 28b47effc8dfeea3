package dev.lambdalocal.junit.internal;

import dev.lambdalocal.junit.CachedIdentity;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds the {@link CachedIdentity @CachedIdentity} that applies to a test: the method's own, else
 * the innermost class's.
 *
 * @since 0.1.0
 */
public final class CachedIdentities {

  private CachedIdentities() {}

  /**
   * A {@code @CachedIdentity} and where it is.
   *
   * @param environment the environment
   * @param origin e.g. {@code @CachedIdentity("dev") on method pkg.Tests#test()}
   * @since 0.1.0
   */
  public record Declared(String environment, String origin) {}

  /**
   * Find the {@code @CachedIdentity} of {@code context}.
   *
   * @param context a test method's or a class's context
   * @return the declaration, or empty when the test's identity is a new one
   * @since 0.1.0
   */
  public static Optional<Declared> find(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    if (method.isPresent()) {
      Optional<Declared> own = declared(method.get());
      if (own.isPresent()) {
        return own;
      }
    }
    for (ExtensionContext level : Stores.classLevels(context)) {
      Optional<Declared> declared = declared(level.getRequiredTestClass());
      if (declared.isPresent()) {
        return declared;
      }
    }
    return Optional.empty();
  }

  private static Optional<Declared> declared(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, CachedIdentity.class)
        .map(
            annotation ->
                new Declared(
                    annotation.value(),
                    "@CachedIdentity(\""
                        + annotation.value()
                        + "\") on "
                        + Describe.element(element)));
  }
}
