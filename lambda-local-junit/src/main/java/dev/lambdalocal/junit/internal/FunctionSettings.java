package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The function a test runs, as its {@link LambdaTest @LambdaTest} annotations (or its {@code
 * LocalLambdaExtension}, see {@link Registrations}) and the configuration parameters describe it:
 * defaults from the configuration parameters, then the annotations of the outermost class down to
 * the test method, each replacing what it sets.
 *
 * <p>Two settings are equal when they describe the same function; where each value came from is
 * kept only for error messages.
 *
 * @since 0.1.0
 */
public final class FunctionSettings {

  private final SettingsValues values;
  private final String origin;
  private final Map<String, String> origins;
  private final ClassLoader loader;

  FunctionSettings(
      SettingsValues values, String origin, Map<String, String> origins, ClassLoader loader) {
    this.values = values;
    this.origin = origin;
    this.origins = origins;
    this.loader = loader;
  }

  /**
   * Resolve the settings of {@code context}: of its test method when it has one, else of its class.
   *
   * @param context the current context
   * @return the settings
   * @throws ExtensionConfigurationException naming the annotation attribute or configuration
   *     parameter whose value is wrong
   */
  public static FunctionSettings resolve(ExtensionContext context) {
    SettingsMerge merge = new SettingsMerge(Stores.classLoader(context));
    merge.defaults(context);
    Optional<Registrations.Found> registered = Registrations.find(context);
    if (registered.isPresent()) {
      registered.get().rejectAnnotations(context);
      merge.apply(registered.get(), true, context);
      return merge.result();
    }
    List<ExtensionContext> classes = Stores.classLevels(context);
    for (int i = classes.size() - 1; i >= 0; i--) {
      Class<?> testClass = classes.get(i).getRequiredTestClass();
      AnnotationSupport.findAnnotation(testClass, LambdaTest.class)
          .ifPresent(annotation -> merge.apply(annotation, testClass));
    }
    context
        .getTestMethod()
        .ifPresent(
            method ->
                AnnotationSupport.findAnnotation(method, LambdaTest.class)
                    .ifPresent(annotation -> merge.apply(annotation, method)));
    merge.lambdaService(context);
    return merge.result();
  }

  /**
   * Resolve the settings of a function that a class declares by name, e.g. an {@code @ApiFunction}
   * of {@code @WithApiGateway}: the class's {@code @LambdaTest} settings and the configuration
   * parameters, with this handler and function name.
   *
   * @param classContext the context of the class that declares the function
   * @param functionName the function's name
   * @param handler the handler class, or {@code void.class}
   * @param method the handler method on {@code handler}, or empty
   * @param handlerName the handler string, or empty
   * @param describe names the declaration in messages, given the attributes that are wrong (e.g.
   *     {@code handler = Greeter.class}), or {@code ""} for the declaration itself
   * @return the settings
   * @throws ExtensionConfigurationException naming the declaration when the handler is wrong
   */
  public static FunctionSettings resolveNamed(
      ExtensionContext classContext,
      String functionName,
      Class<?> handler,
      String method,
      String handlerName,
      Describer describe) {
    SettingsMerge merge = new SettingsMerge(Stores.classLoader(classContext));
    merge.defaults(classContext);
    List<ExtensionContext> classes = Stores.classLevels(classContext);
    for (int i = classes.size() - 1; i >= 0; i--) {
      Class<?> testClass = classes.get(i).getRequiredTestClass();
      AnnotationSupport.findAnnotation(testClass, LambdaTest.class)
          .ifPresent(annotation -> merge.apply(annotation, testClass));
    }
    Registrations.find(classContext).ifPresent(found -> merge.apply(found, false, classContext));
    merge.origin = describe.describe("");
    merge.handler = null;
    merge.handlerLoader = merge.loader;
    merge.applyHandler(handler, method, handlerName, describe);
    if (merge.handler == null) {
      throw new ExtensionConfigurationException(
          describe.describe("") + ": set handler or handlerName");
    }
    merge.functionName = functionName;
    merge.coldStart = ColdStart.PER_CLASS;
    merge.lambdaService(classContext);
    return merge.result();
  }

  /**
   * Names a declaration of a function in messages.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Describer {
    /**
     * Describe the declaration with the attributes that a message is about.
     *
     * @param attributes e.g. {@code handler = Greeter.class}; empty for the declaration itself
     * @return e.g. {@code @LambdaTest(handler = Greeter.class) on class pkg.Tests}
     */
    String describe(String attributes);
  }

  /** Return whether a handler is configured. */
  public boolean hasHandler() {
    return values.handler() != null;
  }

  /** Return the cold start policy, never {@link ColdStart#DEFAULT}. */
  public ColdStart coldStart() {
    return values.coldStart();
  }

  /** Return the region. */
  public String region() {
    return values.region();
  }

  /** Return where the innermost annotation is, for messages: {@code @LambdaTest on class …}. */
  public String origin() {
    return origin;
  }

  /**
   * Create the function.
   *
   * @return a new function; the caller closes it
   * @throws ExtensionConfigurationException if lambda-local rejects the settings, with its message
   */
  public LocalLambda build() {
    return build(null, UnaryOperator.identity());
  }

  /**
   * Create the function of a class or test.
   *
   * @param owner the context the function belongs to, given to a handler factory that takes it
   * @return a new function; the caller closes it
   * @throws ExtensionConfigurationException if lambda-local rejects the settings, with its message
   */
  public LocalLambda build(ExtensionContext owner) {
    return build(owner, UnaryOperator.identity());
  }

  /**
   * Create the function of a class or test, letting {@code platform} add to its builder last (the
   * offline account of {@code @WithOfflineAccount}).
   *
   * @param owner the context the function belongs to, given to a handler factory that takes it
   * @param platform adds to the builder
   * @return a new function; the caller closes it
   * @throws ExtensionConfigurationException if lambda-local rejects the settings, with its message
   */
  public LocalLambda build(ExtensionContext owner, UnaryOperator<LocalLambda.Builder> platform) {
    LocalLambda.Builder builder = LocalLambda.builder();
    if (values.artifact() != null) {
      // The handler's class comes from the package, whatever the test's class path holds.
      try {
        builder.artifact(values.artifact());
      } catch (LambdaConfigurationException e) {
        throw new ExtensionConfigurationException(origin + ": " + e.getMessage(), e);
      }
      builder.handler(
          values.handler() instanceof Class<?> handlerClass
              ? handlerClass.getName()
              : (String) values.handler());
    } else if (values.handler() instanceof Class<?> handlerClass) {
      builder.handler(handlerClass);
    } else if (values.handler() instanceof Registration.Factory factory) {
      FactoryMistake.checked(builder, factory, origin, owner);
    } else {
      builder.handler((String) values.handler()).classLoader(loader);
    }
    if (values.functionName() != null) {
      builder.functionName(values.functionName());
    }
    builder
        .timeout(values.timeout())
        .memorySize(values.memorySize())
        .region(values.region())
        .quiet(values.quiet());
    values.environmentFiles().forEach(builder::environmentFile);
    builder.environment(values.environment());
    try {
      return platform.apply(builder).build();
    } catch (LambdaConfigurationException e) {
      throw new ExtensionConfigurationException(
          SettingOrigins.blame(e.getMessage(), origins, origin) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FunctionSettings settings && values.equals(settings.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
