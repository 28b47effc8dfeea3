package dev.lambdalocal.junit;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import dev.lambdalocal.junit.internal.FactoryMistake;
import dev.lambdalocal.junit.internal.FunctionSettings;
import dev.lambdalocal.junit.internal.Functions;
import dev.lambdalocal.junit.internal.LocalLambdaExtensionSettings;
import dev.lambdalocal.junit.internal.Registration;
import dev.lambdalocal.junit.internal.Registrations;
import dev.lambdalocal.junit.internal.Stores;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Run a Lambda handler in-process for the tests of a class, configured in code: the programmatic
 * form of {@link LambdaTest @LambdaTest}, for a handler built from the test's own objects (a
 * factory that injects a mock client, a fixed clock) or settings computed at run time.
 *
 * <p>Register it with {@link org.junit.jupiter.api.extension.RegisterExtension @RegisterExtension}:
 * in a {@code static} field for a function per class (warm between tests, as {@link
 * ColdStart#PER_CLASS}), in an instance field for a function per test ({@link ColdStart#PER_TEST},
 * the factory able to use the test instance's fields). Tests then declare the same parameters as
 * under {@code @LambdaTest}: {@link LocalLambda}, {@link Context}, {@link InvokeOptions}, {@link
 * Identity}, {@link Event @Event} events; {@link WithCognitoMock @WithCognitoMock} and {@link
 * WithApiGateway @WithApiGateway} combine with it as with the annotation (the registration's
 * timeout, memory size, region and environment apply to an API's functions).
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalLambdaExtension orders =
 *     LocalLambdaExtension.builder()
 *         .handler(OrderFunc.class, () -> new OrderFunc(dynamoDb))
 *         .environmentVariable("TABLE", "orders")
 *         .build();
 * }</pre>
 *
 * <p>A factory runs where Lambda calls the handler's constructor: in the init phase of every cold
 * start, with the function's environment, its time reported as {@code Init Duration}, an exception
 * it throws reported as the runtime reports a throwing constructor (see {@code
 * LocalLambda.Builder#handlerFactory}).
 *
 * <p>Settings are checked before the first test, as the annotation's are: a mistake fails with an
 * {@link ExtensionConfigurationException} naming the field and the setting. A class uses either
 * this extension or {@code @LambdaTest}, not both, and one registration; a factory that returns
 * {@code null} or an object of another class fails the test that invoked it the same way. The
 * configuration parameters ({@link LambdaTest#TIMEOUT_KEY} and the others) give the defaults.
 *
 * @since 0.1.0
 */
public final class LocalLambdaExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler {

  static {
    Registrations.grant(
        LocalLambdaExtension.class, extension -> ((LocalLambdaExtension) extension).registration);
  }

  private final Registration registration;

  private LocalLambdaExtension(Registration registration) {
    this.registration = registration;
  }

  /**
   * Start configuring a function.
   *
   * @return a new builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Check the settings and create the class's function (its first invocation is the cold start).
   *
   * @param context the class's context
   * @since 0.1.0
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    Functions.prepare(context);
  }

  /**
   * Check the settings of the test's function.
   *
   * @param context the test's context
   * @since 0.1.0
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    FunctionSettings.resolve(context);
  }

  /**
   * Return whether the parameter is the function, a context, invoke options or, unless another
   * lambda-local annotation injects it, an identity.
   *
   * @since 0.1.0
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.isAnnotated(Event.class)) {
      return false;
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalLambda.class || type == Context.class || type == InvokeOptions.class) {
      return true;
    }
    return (type == Identity.class || type == CognitoIdentity.class)
        && !identityInjectedElsewhere(parameter, context);
  }

  /**
   * Return the function, a new context, options or the identity of the test.
   *
   * @since 0.1.0
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalLambda.class) {
      return LambdaTestExtension.function(parameter, context);
    }
    if (type == Context.class) {
      return new ContextParameterResolver().resolveParameter(parameter, context);
    }
    if (type == InvokeOptions.class) {
      return new InvokeOptionsParameterResolver().resolveParameter(parameter, context);
    }
    return IdentityParameterResolver.identity(parameter, context);
  }

  /**
   * Report a handler factory that returned no handler as a configuration mistake, naming the field.
   *
   * @since 0.1.0
   */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (thrown.getCause() instanceof FactoryMistake mistake) {
      throw new ExtensionConfigurationException(mistake.getMessage(), thrown);
    }
    throw thrown;
  }

  /**
   * {@code @WithCognitoMock}, {@code @EventSource}, {@code @HandlerParams} and {@code @Event}
   * register lambda-local's identity resolver themselves; a second resolver of the type would make
   * JUnit reject both.
   */
  private static boolean identityInjectedElsewhere(
      ParameterContext parameter, ExtensionContext context) {
    for (ExtensionContext level : Stores.classLevels(context)) {
      if (AnnotationSupport.isAnnotated(level.getRequiredTestClass(), WithCognitoMock.class)) {
        return true;
      }
    }
    Executable executable = parameter.getDeclaringExecutable();
    if (AnnotationSupport.isAnnotated(executable, EventSource.class)
        || AnnotationSupport.isAnnotated(executable, HandlerParams.class)) {
      return true;
    }
    for (Parameter each : executable.getParameters()) {
      if (AnnotationSupport.isAnnotated(each, Event.class)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Configures a {@link LocalLambdaExtension}. Only the handler is required; what is not set comes
   * from the configuration parameters, then Lambda's defaults, as for {@link LambdaTest}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final LocalLambdaExtensionSettings settings = new LocalLambdaExtensionSettings(this);

    private Builder() {}

    /**
     * Use a handler class, a {@code RequestHandler} or {@code RequestStreamHandler} created with
     * its public no-argument constructor, as {@link LambdaTest#handler()}.
     *
     * @param handlerClass the class
     * @return this builder
     * @since 0.1.0
     */
    public Builder handler(Class<?> handlerClass) {
      return settings.handler(handlerClass);
    }

    /**
     * Use a handler method of a class, as {@link LambdaTest#handler()} with {@link
     * LambdaTest#method()}: Lambda's {@code Class::method}.
     *
     * @param handlerClass the class that declares the method
     * @param method the method's name
     * @return this builder
     * @since 0.1.0
     */
    public Builder handler(Class<?> handlerClass, String method) {
      return settings.handler(handlerClass, method);
    }

    /**
     * Create the handler with a factory instead of its no-argument constructor, once per execution
     * environment, in the init phase (see the class comment).
     *
     * @param handlerClass the handler's class, a {@code RequestHandler} or {@code
     *     RequestStreamHandler}: Lambda's {@code _HANDLER} and the default function name
     * @param factory creates the handler, e.g. {@code () -> new OrderFunc(mockClient)}
     * @param <T> the handler's type
     * @return this builder
     * @since 0.1.0
     */
    public <T> Builder handler(Class<T> handlerClass, Supplier<? extends T> factory) {
      return settings.handler(handlerClass, factory);
    }

    /**
     * Create the handler with a factory that takes the {@link ExtensionContext} of the class (a
     * function per class) or the test (a function per test) the function belongs to — its
     * configuration parameters, its store, its test instance where JUnit has one — at each cold
     * start, as {@link #handler(Class, Supplier)} does.
     *
     * @param handlerClass the handler's class, a {@code RequestHandler} or {@code
     *     RequestStreamHandler}
     * @param factory creates the handler, e.g. {@code context -> new OrderFunc(clientFor(context))}
     * @param <T> the handler's type
     * @return this builder
     * @since 0.1.0
     */
    public <T> Builder handlerFactory(
        Class<T> handlerClass, Function<ExtensionContext, ? extends T> factory) {
      return settings.handlerFactory(handlerClass, factory);
    }

    /**
     * Use a handler string as Lambda's handler setting takes it, as {@link
     * LambdaTest#handlerName()}: {@code package.Class} or {@code package.Class::method}.
     *
     * @param handlerName the handler string
     * @return this builder
     * @since 0.1.0
     */
    public Builder handlerName(String handlerName) {
      return settings.handlerName(handlerName);
    }

    /**
     * Set the function name (default: the handler's simple class name).
     *
     * @param functionName the name
     * @return this builder
     * @since 0.1.0
     */
    public Builder functionName(String functionName) {
      return settings.functionName(functionName);
    }

    /**
     * Set the timeout, a whole number of seconds from 1 to 900.
     *
     * @param timeout the timeout
     * @return this builder
     * @since 0.1.0
     */
    public Builder timeout(Duration timeout) {
      return settings.timeout(timeout);
    }

    /**
     * Set the memory size in MB, 128 to 10240.
     *
     * @param megabytes the memory size
     * @return this builder
     * @since 0.1.0
     */
    public Builder memorySize(int megabytes) {
      return settings.memorySize(megabytes);
    }

    /**
     * Set the AWS region of the function, its ARN and its Cognito identities.
     *
     * @param region the region, e.g. {@code eu-west-1}
     * @return this builder
     * @since 0.1.0
     */
    public Builder region(String region) {
      return settings.region(region);
    }

    /**
     * Add environment variables; later ones override earlier ones and environment files.
     *
     * @param variables the variables
     * @return this builder
     * @since 0.1.0
     */
    public Builder environment(Map<String, String> variables) {
      return settings.environment(variables);
    }

    /**
     * Add one environment variable.
     *
     * @param name its name
     * @param value its value
     * @return this builder
     * @since 0.1.0
     */
    public Builder environmentVariable(String name, String value) {
      return settings.environmentVariable(name, value);
    }

    /**
     * Read variables from a SAM CLI-style env-vars JSON file, as {@link LambdaTest#envFile()}.
     *
     * @param file the file, relative to the working directory or absolute
     * @return this builder
     * @since 0.1.0
     */
    public Builder environmentFile(Path file) {
      return settings.environmentFile(file);
    }

    /**
     * Set when the function starts a new execution environment. By default a static field's
     * function is per class and an instance field's per test.
     *
     * @param coldStart the policy
     * @return this builder
     * @since 0.1.0
     */
    public Builder coldStart(ColdStart coldStart) {
      return settings.coldStart(coldStart);
    }

    /**
     * Create the extension. The settings are checked when the tests start, so that a mistake fails
     * the class with a message rather than its initialization.
     *
     * @return the extension, to store in a {@code @RegisterExtension} field
     * @since 0.1.0
     */
    public LocalLambdaExtension build() {
      return new LocalLambdaExtension(settings.registration());
    }
  }
}
