package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Run a Lambda handler in-process for the tests of this class, as the AWS Lambda Java runtime would
 * run it, and inject what the tests need.
 *
 * <p>Test methods, constructors and lifecycle methods may declare parameters of these types:
 *
 * <ul>
 *   <li>{@link dev.lambdalocal.core.LocalLambda} — the function, bound to the configured handler;
 *       {@code invoke(event)} returns an {@link dev.lambdalocal.core.InvocationResult} with the
 *       payload, the error document, the captured logs and the REPORT line;
 *   <li>{@link com.amazonaws.services.lambda.runtime.Context} — a new context of this function, its
 *       deadline one timeout from now, carrying the test's Cognito identity, for tests that call a
 *       handler directly;
 *   <li>{@link dev.lambdalocal.core.Identity} or {@link
 *       com.amazonaws.services.lambda.runtime.CognitoIdentity} — the test's Cognito identity, in
 *       Cognito's {@code <region>:<uuid>} format;
 *   <li>{@link dev.lambdalocal.core.InvokeOptions} — options that carry that identity, for {@code
 *       invoke(event, options)};
 *   <li>any type annotated with {@link Event @Event} — an event file, with {@code %IDENTITY_ID%}
 *       and {@code %IDENTITY_POOL_ID%} replaced by the test's identity.
 * </ul>
 *
 * <p>The identities are generated, unless the class is annotated with {@link
 * WithCognitoMock @WithCognitoMock}: then they are real identities of an offline Cognito, which
 * also injects itself and an AWS SDK client for it.
 *
 * <pre>{@code
 * @LambdaTest(handler = OrderHandler.class, timeout = "2s", memorySize = 512, env = "TABLE=orders")
 * class OrderHandlerTests {
 *   @Test
 *   void createsAnOrder(@Event("events/create-order.json") APIGatewayProxyRequestEvent event,
 *                       LocalLambda lambda) {
 *     assertThat(lambda.invoke(event).isSuccess()).isTrue();
 *   }
 * }
 * }</pre>
 *
 * <p><b>Warm and cold.</b> By default ({@link ColdStart#PER_CLASS}) the class shares one function:
 * its first invocation starts the execution environment (a cold start, with {@code Init Duration}
 * on the REPORT line) and later ones reuse the handler instance, as a warm Lambda does. With {@link
 * ColdStart#PER_TEST} every test gets a function of its own, so each test's first invocation is a
 * cold start. The engine closes each function when its class or test ends.
 *
 * <p><b>Overrides.</b> The annotation may also sit on a test method (or on a {@code @Nested}
 * class): the attributes it sets replace the enclosing ones, {@link #env()} and {@link #envFile()}
 * add to them. A method whose settings differ gets a function of its own. Attributes left at their
 * defaults ({@code ""}, {@code 0}, {@code void.class}, {@link ColdStart#DEFAULT}) inherit the
 * enclosing setting, then the configuration parameter named by the {@code *_KEY} constants (from
 * {@code junit-platform.properties} or the launcher), then Lambda's default.
 *
 * <p>The annotation is {@link Inherited} and may be used as a meta-annotation, so a project can
 * declare its own, e.g. {@code @OrderFunction} carrying {@code @LambdaTest(handler = …)}.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({
  LambdaTestExtension.class,
  ContextParameterResolver.class,
  IdentityParameterResolver.class,
  InvokeOptionsParameterResolver.class,
  CognitoMockParameterResolver.class
})
public @interface LambdaTest {

  /**
   * The configuration parameter of the default timeout, e.g. {@code 10s}; Lambda's default is 3
   * seconds.
   *
   * @since 0.1.0
   */
  String TIMEOUT_KEY = "lambdalocal.timeout.default";

  /**
   * The configuration parameter of the default memory size in MB; Lambda's default is 128.
   *
   * @since 0.1.0
   */
  String MEMORY_SIZE_KEY = "lambdalocal.memorysize.default";

  /**
   * The configuration parameter of the default region; {@code us-east-1} if unset.
   *
   * @since 0.1.0
   */
  String REGION_KEY = "lambdalocal.region.default";

  /**
   * The configuration parameter of the default cold start policy: {@code per_class} (the default)
   * or {@code per_test}.
   *
   * @since 0.1.0
   */
  String COLD_START_KEY = "lambdalocal.coldstart.default";

  /**
   * The configuration parameter of an environment file read before any {@link #envFile()}: a SAM
   * CLI-style env-vars JSON file, relative to the working directory.
   *
   * @since 0.1.0
   */
  String ENV_FILE_KEY = "lambdalocal.envfile.default";

  /**
   * The configuration parameter that stops functions from echoing their logs to standard error:
   * {@code true} or {@code false} (the default). The logs are captured either way.
   *
   * @since 0.1.0
   */
  String QUIET_KEY = "lambdalocal.quiet.default";

  /**
   * The configuration parameter of the AWS account a function runs with when no {@link
   * WithOfflineAccount} gives it one: {@code on-demand} (the default) gives it the environment of
   * an empty offline account on loopback ({@code AWS_ENDPOINT_URL}, minted credentials, {@code
   * PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}), which starts only when the function first calls it,
   * so that its AWS clients never reach AWS; {@code none} gives it only lambda-local's dummy
   * credentials. Without lambda-local-cognito-mock on the class path, {@code none} is the only
   * behaviour.
   *
   * @since 0.1.0
   */
  String ACCOUNT_KEY = "lambdalocal.account.default";

  /**
   * Return the handler class: a {@code RequestHandler} or {@code RequestStreamHandler}, or, with
   * {@link #method()}, any class with a public handler method.
   *
   * @return the class; {@code void.class} when unset
   * @since 0.1.0
   */
  Class<?> handler() default void.class;

  /**
   * Return the name of the handler method on {@link #handler()}, as after the {@code ::} of
   * Lambda's handler setting.
   *
   * @return the method name; empty for the class form
   * @since 0.1.0
   */
  String method() default "";

  /**
   * Return the handler as Lambda's handler setting names it: {@code package.Class} or {@code
   * package.Class::method}. Use either this or {@link #handler()}.
   *
   * @return the handler string; empty when unset
   * @since 0.1.0
   */
  String handlerName() default "";

  /**
   * Return the deployment package to load the handler from, as Lambda loads it (see {@code
   * LocalLambda.Builder#artifact}): a path relative to the working directory, which Maven sets to
   * the module's, such as {@code "target/my-function.zip"}. The handler ({@link #handler()} or
   * {@link #handlerName()}) is then looked up by name in the package, not on the test class path.
   *
   * @return the ZIP's path; empty to load the handler from the test class path
   * @since 0.1.0
   */
  String artifact() default "";

  /**
   * Return the function name (default: the handler's simple class name).
   *
   * @return the name; empty to inherit
   * @since 0.1.0
   */
  String functionName() default "";

  /**
   * Return the timeout, a whole number of seconds from 1 to 900: {@code "2s"}, {@code "1m"}, {@code
   * "3000ms"}, {@code "10"} (seconds) or ISO-8601 {@code "PT2S"}.
   *
   * @return the timeout; empty to inherit
   * @since 0.1.0
   */
  String timeout() default "";

  /**
   * Return the memory size in MB, 128 to 10240.
   *
   * @return the memory size; {@code 0} to inherit
   * @since 0.1.0
   */
  int memorySize() default 0;

  /**
   * Return the AWS region of the function, its ARN and its Cognito identities.
   *
   * @return the region; empty to inherit
   * @since 0.1.0
   */
  String region() default "";

  /**
   * Return environment variables as {@code NAME=value} pairs, added to the enclosing ones.
   *
   * @return the pairs
   * @since 0.1.0
   */
  String[] env() default {};

  /**
   * Return SAM CLI-style env-vars JSON files ({@code {"Parameters": {…}}} or {@code
   * {"<FunctionName>": {…}}}), relative to the working directory, read in order before {@link
   * #env()}.
   *
   * @return the files
   * @since 0.1.0
   */
  String[] envFile() default {};

  /**
   * Return when the function starts a new execution environment.
   *
   * @return the policy; {@link ColdStart#DEFAULT} to inherit
   * @since 0.1.0
   */
  ColdStart coldStart() default ColdStart.DEFAULT;

  /**
   * When a {@code @LambdaTest} function starts a new execution environment.
   *
   * @since 0.1.0
   */
  enum ColdStart {
    /** Inherit the enclosing setting, then {@link #COLD_START_KEY}, then {@link #PER_CLASS}. */
    DEFAULT,
    /** One function per class: its first invocation is cold, the later ones are warm. */
    PER_CLASS,
    /** One function per test: the first invocation of every test is a cold start. */
    PER_TEST
  }
}
