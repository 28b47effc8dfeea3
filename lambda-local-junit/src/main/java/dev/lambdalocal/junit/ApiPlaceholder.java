package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Define a {@code %NAME%} placeholder of a {@link WithApiGateway @WithApiGateway} definition: every
 * {@code %NAME%} in an operation's {@code x-amazon-apigateway-integration} becomes the value, as
 * the 2015 importer's users replaced them before importing. {@code %AWS_ACCOUNT%} is the Cognito
 * mock's account unless defined.
 *
 * <pre>{@code
 * @ApiPlaceholder(name = "ORCH_CREDS", value = "Basic dGVzdDp0ZXN0")
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiPlaceholder {

  /**
   * Return the placeholder's name, without its percent signs.
   *
   * @return upper-case letters, digits and {@code _}, e.g. {@code ORCH_CREDS}
   * @since 0.1.0
   */
  String name();

  /**
   * Return the value that replaces it.
   *
   * @return the value
   * @since 0.1.0
   */
  String value();
}
