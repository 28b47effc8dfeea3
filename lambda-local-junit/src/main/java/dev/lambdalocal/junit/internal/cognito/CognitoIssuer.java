package dev.lambdalocal.junit.internal.cognito;

import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.internal.CachedIdentities;
import dev.lambdalocal.junit.internal.CognitoMockSettings;
import dev.lambdalocal.junit.internal.IdentityIssuer;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

/**
 * Issues the identities of a {@code @WithCognitoMock} class with real calls to its mock: a new
 * unauthenticated identity ({@code GetId}) per test, or the identity an {@code IdentityCache} keeps
 * for the test's {@code @CachedIdentity} environment. The mock's region wins over the function's:
 * an identity belongs to its pool's region, whichever region the function runs in.
 */
final class CognitoIssuer implements IdentityIssuer {

  private final CognitoMockSettings settings;
  private final CognitoMock mock;

  CognitoIssuer(CognitoMockSettings settings, CognitoMock mock) {
    this.settings = settings;
    this.mock = mock;
  }

  @Override
  public Identity issue(ExtensionContext owner, String region) {
    Optional<CachedIdentities.Declared> cached = CachedIdentities.find(owner);
    try {
      if (cached.isPresent()) {
        IdentityCache cache = CognitoSupport.cache(owner);
        CognitoSupport.file(cache, cached.get());
        return mock.cachedIdentity(cache, cached.get().environment());
      }
      return mock.getId();
    } catch (NotAuthorizedException e) {
      throw new ExtensionConfigurationException(
          settings.unauthenticatedOrigin()
              + ": the test's identity comes from GetId without logins, which the identity pool"
              + " refuses: "
              + e.awsErrorDetails().errorMessage(),
          e);
    }
  }
}
