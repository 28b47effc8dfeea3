package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.Identity;

/**
 * Issues the Cognito identities of tests. The default generates them; an offline Cognito mock can
 * take over with {@link Identities#useIssuer}, so that the identities exist in its pool.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IdentityIssuer {

  /**
   * Issue an identity.
   *
   * @param region the region of the test's function
   * @return an identity whose ids have Cognito's {@code <region>:<uuid>} format
   */
  Identity issue(String region);
}
