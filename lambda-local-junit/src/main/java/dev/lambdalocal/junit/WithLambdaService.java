package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start an offline AWS Lambda service — lambda-local-cognito-mock's {@code LambdaServiceMock}, on a
 * loopback port in this JVM — for the tests of this class, so that a handler under test that
 * invokes other functions through the AWS SDK reaches them.
 *
 * <p>Needs {@code dev.lambdalocal:lambda-local-cognito-mock} on the test class path. Test methods,
 * constructors and lifecycle methods may declare parameters of these types:
 *
 * <ul>
 *   <li>{@code dev.lambdalocal.lambda.LambdaServiceMock} — the service (its {@code endpoint()},
 *       {@code credentials()}, …);
 *   <li>{@code software.amazon.awssdk.services.lambda.LambdaClient} — an SDK v2 client pointed at
 *       it, one per class, closed by the engine: create the functions the handler calls with it.
 * </ul>
 *
 * <p><b>How the function under test finds the service.</b> The {@link LambdaTest @LambdaTest}
 * function of the class gets the variable {@code AWS_ENDPOINT_URL_LAMBDA} set to the service's
 * endpoint (unless its {@code env} sets it), which the AWS SDKs read as the Lambda endpoint. Its
 * region is the function's ({@code AWS_REGION}), and its credentials are the execution-role
 * credentials lambda-local gives every function, which the service accepts. So a handler that
 * builds its client the usual way ({@code LambdaClient.create()}) calls the service unmodified. The
 * functions the service runs get the same variable.
 *
 * <pre>{@code
 * @WithLambdaService
 * @LambdaTest(handler = OrderFunc.class)
 * class OrderFuncTests {
 *   @BeforeAll
 *   static void deployCollaborators(LambdaClient lambda) { lambda.createFunction(…); }
 *
 *   @Test
 *   void callsThePricingFunction(LocalLambda order) { … }
 * }
 * }</pre>
 *
 * <p>Each class gets its own service (port, functions and credentials), started before its first
 * test and stopped when the class ends; a {@code @Nested} class shares its enclosing class's. The
 * annotation is {@link Inherited} and may be used as a meta-annotation.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LambdaServiceExtension.class)
public @interface WithLambdaService {

  /**
   * Return the region of the service.
   *
   * @return the region; empty for the {@code @LambdaTest} function's region, else {@code us-east-1}
   * @since 0.1.0
   */
  String region() default "";

  /**
   * Return whether the class's {@code @LambdaTest} function gets {@code AWS_ENDPOINT_URL_LAMBDA}.
   *
   * @return {@code true} by default
   * @since 0.1.0
   */
  boolean setEndpointVariable() default true;
}
