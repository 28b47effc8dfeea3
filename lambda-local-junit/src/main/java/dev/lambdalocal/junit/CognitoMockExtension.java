package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.CachedIdentities;
import dev.lambdalocal.junit.internal.CognitoDependency;
import dev.lambdalocal.junit.internal.CognitoMockSettings;
import dev.lambdalocal.junit.internal.cognito.CognitoSupport;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Checks the {@link WithCognitoMock} and {@link CachedIdentity} settings, starts the class's mock
 * and makes it the issuer of the class's identities — before the test instance is constructed, so
 * that even a constructor's identity comes from the mock.
 *
 * <p>Refers to no type of lambda-local-cognito-mock: {@link CognitoSupport} is loaded only after
 * {@link CognitoDependency} has found it.
 */
final class CognitoMockExtension
    implements TestInstancePreConstructCallback, BeforeAllCallback, BeforeEachCallback {

  @Override
  public void preConstructTestInstance(
      TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    prepare(context);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    prepare(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // A method's own @CachedIdentity is checked even if the test never asks for its identity.
    prepare(context);
  }

  private static void prepare(ExtensionContext context) {
    Optional<CognitoMockSettings> settings = CognitoMockSettings.find(context);
    Optional<CachedIdentities.Declared> cached = CachedIdentities.find(context);
    if (settings.isEmpty()) {
      if (cached.isPresent()) {
        throw new ExtensionConfigurationException(
            cached.get().origin()
                + ": needs the Cognito mock; annotate the class with @WithCognitoMock");
      }
      return;
    }
    CognitoDependency.require(settings.get().origin());
    CognitoSupport.prepare(settings.get());
    cached.ifPresent(declared -> CognitoSupport.check(context, declared));
  }
}
