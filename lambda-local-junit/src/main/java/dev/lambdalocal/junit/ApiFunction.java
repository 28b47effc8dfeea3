package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Name a function of a {@link WithApiGateway @WithApiGateway} API: the Lambda function that an
 * integration {@code uri} of the definition names, and the handler that runs it.
 *
 * <pre>{@code
 * @ApiFunction(name = "WhoAmIFunc", handler = WhoAmIApiFunc.class)
 * @ApiFunction(name = "Orders", handlerName = "example.Orders::handle")
 * }</pre>
 *
 * <p>The function's other settings — timeout, memory size, region, environment — are those of the
 * class's {@link LambdaTest @LambdaTest} and of the configuration parameters.
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiFunction {

  /**
   * Return the function's name, as the integration's {@code uri} gives it ({@code
   * …:function:NAME/invocations}); also its name in Lambda ({@code AWS_LAMBDA_FUNCTION_NAME}, its
   * ARN and log group).
   *
   * @return 1 to 64 letters, digits, {@code -} or {@code _}
   * @since 0.1.0
   */
  String name();

  /**
   * Return the handler class, as {@link LambdaTest#handler()}.
   *
   * @return the class; {@code void.class} when {@link #handlerName()} names the handler
   * @since 0.1.0
   */
  Class<?> handler() default void.class;

  /**
   * Return the handler method on {@link #handler()}, as {@link LambdaTest#method()}.
   *
   * @return the method's name; empty for the class form
   * @since 0.1.0
   */
  String method() default "";

  /**
   * Return the handler string, as {@link LambdaTest#handlerName()}.
   *
   * @return {@code pkg.Class} or {@code pkg.Class::method}; empty when {@link #handler()} is set
   * @since 0.1.0
   */
  String handlerName() default "";
}
