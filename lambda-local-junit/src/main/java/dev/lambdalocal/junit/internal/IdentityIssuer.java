package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.Identity;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Issues the Cognito identities of tests. The default generates them; an offline Cognito mock takes
 * over for the tests of a class with {@link Identities#useIssuer}, so that the identities exist in
 * its pool.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IdentityIssuer {

  /**
   * Issue an identity.
   *
   * @param owner the context the identity belongs to: a test method (for its invocations too) or,
   *     for constructors and {@code @BeforeAll} methods, a class
   * @param region the region of the test's function
   * @return an identity whose ids have Cognito's {@code <region>:<uuid>} format
   * @since 0.1.0
   */
  Identity issue(ExtensionContext owner, String region);
}
