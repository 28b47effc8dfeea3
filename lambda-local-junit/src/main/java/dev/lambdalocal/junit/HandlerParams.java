package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Run a {@code @ParameterizedTest} once per pair of an event and its expected response: the first
 * event with the first response, the second with the second, and so on, each list ordered as {@link
 * EventSource @EventSource} orders it. The test's first parameter receives the event, its second
 * the response; both are read like {@link Event @Event} (a {@code String} parameter receives the
 * JSON text, handy to compare with {@code InvocationResult.payloadAsString()}).
 *
 * <pre>{@code
 * @ParameterizedTest
 * @HandlerParams(
 *     events = @EventSource(folder = "apigw/events"),
 *     responses = @Responses(folder = "apigw/responses"))
 * void answersEachRequest(APIGatewayProxyRequestEvent event, String expected, LocalLambda lambda) {
 *   assertThat(lambda.invoke(event).payloadAsString()).isEqualTo(expected);
 * }
 * }</pre>
 *
 * <p>The same shape as aws-lambda-java-tests' {@code @HandlerParams}; the lists must be equally
 * long, and the error names both when they are not.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(HandlerParamsArgumentsProvider.class)
@ExtendWith(IdentityParameterResolver.class)
public @interface HandlerParams {

  /**
   * Return the events.
   *
   * @return the events
   * @since 0.1.0
   */
  EventSource events();

  /**
   * Return the expected responses, one per event.
   *
   * @return the responses
   * @since 0.1.0
   */
  Responses responses();
}
