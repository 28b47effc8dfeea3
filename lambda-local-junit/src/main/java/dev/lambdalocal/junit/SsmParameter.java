package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter of a {@link WithOfflineAccount @WithOfflineAccount}'s Parameter Store.
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SsmParameter {

  /**
   * Return the parameter's name.
   *
   * @return the name, e.g. {@code /app/api-key}
   */
  String name();

  /**
   * Return the parameter's value.
   *
   * @return the value (comma-separated for a {@code StringList})
   */
  String value();

  /**
   * Return whether the parameter is a {@code SecureString} (stored encrypted, read with {@code
   * WithDecryption}) rather than a {@code String}.
   *
   * @return true for a {@code SecureString}
   */
  boolean secure() default false;
}
