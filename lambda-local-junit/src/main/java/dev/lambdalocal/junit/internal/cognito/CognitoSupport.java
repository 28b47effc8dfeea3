package dev.lambdalocal.junit.internal.cognito;

import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.cognito.IdentityPool;
import dev.lambdalocal.junit.CachedIdentity;
import dev.lambdalocal.junit.WithCognitoMock.Scope;
import dev.lambdalocal.junit.internal.CachedIdentities;
import dev.lambdalocal.junit.internal.CognitoMockSettings;
import dev.lambdalocal.junit.internal.Identities;
import dev.lambdalocal.junit.internal.StoredResource;
import dev.lambdalocal.junit.internal.Stores;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * Starts, finds and stores the mocks of {@code @WithCognitoMock}, their clients, identity issuers
 * and identity caches.
 *
 * <p>A {@link Scope#CLASS} mock lives in the store of the class whose annotation asks for it, a
 * {@link Scope#RUN} mock in the root store under its settings; the client and the issuer always in
 * the class's. Every key names its owner, so that a nested class's own mock never finds its
 * enclosing class's entries through the store's fall-back to its parent.
 *
 * <p>Its methods return {@code Object} rather than Cognito types, so that the classes calling them
 * never mention lambda-local-cognito-mock.
 *
 * @since 0.1.0
 */
public final class CognitoSupport {

  private CognitoSupport() {}

  /**
   * Start (or find) the mock of {@code settings} and let it issue the identities of its class.
   *
   * @param settings the settings of the class's annotation
   * @since 0.1.0
   */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  public static void prepare(CognitoMockSettings settings) {
    CognitoMock mock = mock(settings);
    ExtensionContext owner = settings.owner();
    CognitoIssuer issuer =
        Stores.store(owner)
            .getOrComputeIfAbsent(
                new IssuerKey(owner.getUniqueId()),
                key -> new CognitoIssuer(settings, mock),
                CognitoIssuer.class);
    Identities.useIssuer(owner, issuer);
  }

  /**
   * Return the mock of {@code settings}, starting it on first use.
   *
   * @param settings the settings of the class's annotation
   * @return the {@code CognitoMock}
   * @since 0.1.0
   */
  public static Object cognitoMock(CognitoMockSettings settings) {
    return mock(settings);
  }

  /**
   * Return the endpoint of the mock of {@code settings}.
   *
   * @param settings the settings of the class's annotation
   * @return {@code http://127.0.0.1:<port>}
   * @since 0.1.0
   */
  public static URI endpoint(CognitoMockSettings settings) {
    return mock(settings).endpoint();
  }

  /**
   * Return the SDK client of the class of {@code settings}, creating it on first use; the engine
   * closes it when the class ends.
   *
   * @param settings the settings of the class's annotation
   * @return the {@code CognitoIdentityClient}
   * @since 0.1.0
   */
  @SuppressWarnings({"deprecation", "unchecked"}) // getOrComputeIfAbsent: see Functions
  public static Object client(CognitoMockSettings settings) {
    CognitoMock mock = mock(settings);
    ExtensionContext owner = settings.owner();
    return ((StoredResource<CognitoIdentityClient>)
            Stores.store(owner)
                .getOrComputeIfAbsent(
                    new ClientKey(owner.getUniqueId()),
                    key -> StoredResource.of(mock.createClient()),
                    StoredResource.class))
        .get();
  }

  /**
   * Check the environment name of a {@code @CachedIdentity}.
   *
   * @param context the current context
   * @param declared the annotation
   * @throws ExtensionConfigurationException naming the annotation when the name cannot be a file
   *     name
   * @since 0.1.0
   */
  public static void check(ExtensionContext context, CachedIdentities.Declared declared) {
    file(cache(context), declared);
  }

  /** Return the identity cache of the run's directory: one instance, whose lookups take turns. */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  static IdentityCache cache(ExtensionContext context) {
    Path directory =
        context
            .getConfigurationParameter(CachedIdentity.DIRECTORY_KEY)
            .map(String::trim)
            .filter(text -> !text.isEmpty())
            .map(Path::of)
            .orElse(Path.of(""))
            .toAbsolutePath()
            .normalize();
    return Stores.store(context.getRoot())
        .getOrComputeIfAbsent(
            new CacheKey(directory), key -> IdentityCache.in(directory), IdentityCache.class);
  }

  /** Return the cache file of a declaration, or fail naming it. */
  static Path file(IdentityCache cache, CachedIdentities.Declared declared) {
    try {
      return cache.file(declared.environment());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(declared.origin() + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings({"deprecation", "unchecked"}) // getOrComputeIfAbsent: see Functions
  private static CognitoMock mock(CognitoMockSettings settings) {
    ExtensionContext owner = settings.owner();
    ExtensionContext.Store store;
    Object key;
    if (settings.scope() == Scope.RUN) {
      store = Stores.store(owner.getRoot());
      key = new RunKey(settings.values());
    } else {
      store = Stores.store(owner);
      key = new ClassKey(owner.getUniqueId());
    }
    return ((StoredResource<CognitoMock>)
            store.getOrComputeIfAbsent(
                key, k -> StoredResource.of(start(settings)), StoredResource.class))
        .get();
  }

  private static CognitoMock start(CognitoMockSettings settings) {
    CognitoMockSettings.Values values = settings.values();
    try {
      return CognitoMock.builder()
          .region(values.region())
          .accountId(values.accountId())
          .identityPool(
              IdentityPool.builder()
                  .identityPoolId(values.identityPoolId())
                  .allowUnauthenticatedIdentities(values.allowUnauthenticatedIdentities())
                  .developerProviderName(values.developerProviderName())
                  .build())
          .start();
    } catch (IllegalArgumentException e) {
      // The settings are checked before; this is a rule of the mock's that they don't know yet.
      throw new ExtensionConfigurationException(settings.origin() + ": " + e.getMessage(), e);
    }
  }

  private record ClassKey(String owner) {}

  private record RunKey(CognitoMockSettings.Values values) {}

  private record ClientKey(String owner) {}

  private record IssuerKey(String owner) {}

  private record CacheKey(Path directory) {}
}
