package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string secret of a {@link WithOfflineAccount @WithOfflineAccount}'s Secrets Manager.
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Secret {

  /**
   * Return the secret's name.
   *
   * @return the name, e.g. {@code app/db-password}
   */
  String name();

  /**
   * Return the secret's value (its {@code AWSCURRENT} version).
   *
   * @return the value
   */
  String value();
}
