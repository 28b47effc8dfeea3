package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Give the tests of a class, or one test, the Cognito identity kept for an environment, the same
 * from one run to the next, like the old framework's {@code .identity_<MODE>} files — instead of a
 * new identity per test. Needs {@link WithCognitoMock @WithCognitoMock}.
 *
 * <p>The identity is kept by lambda-local-cognito-mock's {@code IdentityCache} in {@code
 * <directory>/.lambda-local/identity_<environment>.json}, where the directory is the configuration
 * parameter {@link #DIRECTORY_KEY}, else the working directory (the project's, under Maven and
 * Gradle). Add {@code .lambda-local/} to {@code .gitignore}. The first test that needs it gets it
 * with {@code GetId} and writes the file; later tests and runs read it and make it known to their
 * mock — as long as the pool id is the same, which it is unless the {@code @WithCognitoMock} pool
 * id changes.
 *
 * <pre>{@code
 * @Test
 * @CachedIdentity("dev")
 * void theDevUser(Identity caller) { … } // the same identity on every run
 * }</pre>
 *
 * <p>On a method it applies to that test; on a class (or inherited, or in a meta-annotation) to all
 * its tests, a method's own winning.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CognitoMockExtension.class)
public @interface CachedIdentity {

  /**
   * The configuration parameter of the directory that holds the {@code .lambda-local} folder,
   * absolute or relative to the working directory; the working directory if unset.
   *
   * @since 0.1.0
   */
  String DIRECTORY_KEY = "lambdalocal.cognito.identitycache.directory";

  /**
   * Return the environment whose identity the tests get.
   *
   * @return letters, digits, {@code .}, {@code _} and {@code -}, e.g. {@code dev}
   * @since 0.1.0
   */
  String value();
}
