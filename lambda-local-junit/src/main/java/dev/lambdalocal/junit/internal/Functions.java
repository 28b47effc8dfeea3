package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import dev.lambdalocal.junit.internal.account.AccountAnnotation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds or creates the function of a test in the store of the context it belongs to: the class (or
 * the outermost enclosing class with the same settings) for {@link ColdStart#PER_CLASS}, the test
 * for {@link ColdStart#PER_TEST} and for a method whose own {@code @LambdaTest} changes the
 * function.
 *
 * @since 0.1.0
 */
public final class Functions {

  private Functions() {}

  /**
   * Create the class's shared function now, so that a wrong setting fails the class once, with one
   * message, and the first test's invocation is the class's cold start.
   *
   * @param classContext the context of a test class
   */
  public static void prepare(ExtensionContext classContext) {
    FunctionSettings settings = FunctionSettings.resolve(classContext);
    if (settings.hasHandler() && settings.coldStart() == ColdStart.PER_CLASS) {
      function(classContext, settings);
    }
  }

  /**
   * Return the function of {@code context}.
   *
   * @param context the current context
   * @return the function, empty when no {@code @LambdaTest} names a handler
   */
  public static Optional<LocalLambda> find(ExtensionContext context) {
    FunctionSettings settings = FunctionSettings.resolve(context);
    return settings.hasHandler() ? Optional.of(function(context, settings)) : Optional.empty();
  }

  // getOrComputeIfAbsent is the 5.10 API; 5.13 deprecates it in favour of computeIfAbsent.
  @SuppressWarnings({"deprecation", "unchecked"})
  private static LocalLambda function(ExtensionContext context, FunctionSettings settings) {
    ExtensionContext owner = owner(context, settings);
    Key key = new Key(owner.getUniqueId(), settings);
    return ((StoredResource<LocalLambda>)
            Stores.store(owner)
                .getOrComputeIfAbsent(
                    key,
                    k ->
                        StoredResource.of(
                            settings.build(
                                owner,
                                builder ->
                                    AccountAnnotation.configure(
                                        context, settings.region(), builder))),
                    StoredResource.class))
        .get();
  }

  private static ExtensionContext owner(ExtensionContext context, FunctionSettings settings) {
    if (settings.coldStart() == ColdStart.PER_TEST) {
      return context;
    }
    List<ExtensionContext> classes = Stores.classLevels(context);
    for (int i = classes.size() - 1; i >= 0; i--) {
      ExtensionContext level = classes.get(i);
      if (level == context || FunctionSettings.resolve(level).equals(settings)) {
        return level;
      }
    }
    return Stores.testLevel(context);
  }

  /** One function per owner and settings; the owner's id keeps parents' entries out of reach. */
  private record Key(String owner, FunctionSettings settings) {

    // Written out, as FunctionSettings.Values' are: no ObjectMethods bootstrap in a cold start.
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && owner.equals(that.owner)
          && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
      return 31 * owner.hashCode() + settings.hashCode();
    }
  }
}
