package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The expected responses of {@link HandlerParams @HandlerParams}: a folder and/or files, found and
 * ordered as the events of {@link EventSource @EventSource} are.
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Responses {

  /**
   * Return the folder whose files are the responses.
   *
   * @return the folder; empty when the responses are only {@link #files()}
   * @since 0.1.0
   */
  String folder() default "";

  /**
   * Return response files, used after those of {@link #folder()}, in this order.
   *
   * @return the files
   * @since 0.1.0
   */
  String[] files() default {};

  /**
   * Return the response type.
   *
   * @return the type; {@code void.class} for the type of the test's second parameter
   * @since 0.1.0
   */
  Class<?> type() default void.class;

  /**
   * Return whether the files of sub-folders of {@link #folder()} are included too.
   *
   * @return {@code true} to descend into sub-folders
   * @since 0.1.0
   */
  boolean recursive() default false;

  /**
   * Return the ending of the names of the files of {@link #folder()} that are responses.
   *
   * @return the ending, {@code .json} by default; empty for every file
   * @since 0.1.0
   */
  String suffix() default ".json";
}
