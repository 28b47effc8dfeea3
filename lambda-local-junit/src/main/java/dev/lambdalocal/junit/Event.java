package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inject an event read from a class path resource or a file, turned into the parameter's type by
 * the AWS Lambda Java runtime's own serializer for that type — so the object is exactly the one
 * Lambda would pass to a handler whose input type it is.
 *
 * <p>The location is a class path resource ({@code events/sqs.json}) or, if there is none of that
 * name, a file relative to the working directory; prefix it with {@code classpath:} or {@code
 * file:} to allow only one of them. Before parsing, {@code %IDENTITY_ID%} and {@code
 * %IDENTITY_POOL_ID%} are replaced by the ids of the test's Cognito identity (the one injected as
 * {@link dev.lambdalocal.core.Identity}). A parameter of type {@code String} receives the JSON text
 * itself, for {@code LocalLambda.invokeJson}.
 *
 * <pre>{@code
 * @Test
 * void acceptsABatch(@Event("events/sqs.json") SQSEvent event, LocalLambda lambda) { … }
 * }</pre>
 *
 * <p>Works with or without {@link LambdaTest @LambdaTest}; without it, the test may still declare
 * an {@link dev.lambdalocal.core.Identity} parameter to learn the identity that replaced the
 * placeholders. A missing or malformed file fails the test with a {@link
 * org.junit.jupiter.api.extension.ParameterResolutionException} that names the parameter, the file
 * and, for a syntax error, its line and column.
 *
 * @since 0.1.0
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith({EventParameterResolver.class, IdentityParameterResolver.class})
public @interface Event {

  /**
   * Return where the event is: a class path resource or a file, optionally prefixed with {@code
   * classpath:} or {@code file:}.
   *
   * @return the location
   * @since 0.1.0
   */
  String value();
}
