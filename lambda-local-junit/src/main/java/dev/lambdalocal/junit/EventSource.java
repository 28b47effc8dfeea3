package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Run a {@code @ParameterizedTest} once per event file: every file of a folder, in the order of
 * their paths relative to it, and/or a list of files in the given order.
 *
 * <p>Folders and files are class path resources or, if there are none of that name, paths relative
 * to the working directory ({@code classpath:} and {@code file:} prefixes choose one). A folder may
 * be inside a JAR on the class path. Each event is read like {@link Event @Event}: placeholders
 * replaced with the test's Cognito identity, then turned into {@link #type()} — or, by default, the
 * type of the test's first parameter — by the Lambda runtime's serializer; a {@code String}
 * parameter receives the JSON text. Each invocation is named after its file.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EventSource(folder = "events/sqs", type = SQSEvent.class)
 * void acceptsEveryBatch(SQSEvent event, LocalLambda lambda) { … }
 * }</pre>
 *
 * <p>Needs {@code junit-jupiter-params} on the test class path, as every {@code @ParameterizedTest}
 * does.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(EventSourceArgumentsProvider.class)
@ExtendWith(IdentityParameterResolver.class)
public @interface EventSource {

  /**
   * Return the folder whose files are the events.
   *
   * @return the folder; empty when the events are only {@link #files()}
   * @since 0.1.0
   */
  String folder() default "";

  /**
   * Return event files, used after those of {@link #folder()}, in this order.
   *
   * @return the files
   * @since 0.1.0
   */
  String[] files() default {};

  /**
   * Return the event type.
   *
   * @return the type; {@code void.class} for the type of the test's parameter
   * @since 0.1.0
   */
  Class<?> type() default void.class;

  /**
   * Return whether the events of sub-folders of {@link #folder()} are included too.
   *
   * @return {@code true} to descend into sub-folders
   * @since 0.1.0
   */
  boolean recursive() default false;

  /**
   * Return the ending of the names of the files of {@link #folder()} that are events; other files
   * (a {@code README.md}, say) are skipped.
   *
   * @return the ending, {@code .json} by default; empty for every file
   * @since 0.1.0
   */
  String suffix() default ".json";
}
