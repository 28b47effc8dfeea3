package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.Events;
import dev.lambdalocal.core.Identity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Cognito identity of each test: one per test method (shared by the invocations of a
 * parameterized or repeated test, so that the events of {@code @Events} carry it too), issued by
 * the run's {@link IdentityIssuer} and kept in the test's store.
 *
 * @since 0.1.0
 */
public final class Identities {

  private Identities() {}

  /**
   * Return the identity of the test {@code context} belongs to, issuing it on first use.
   *
   * @param context the current context
   * @return the identity
   */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  public static Identity of(ExtensionContext context) {
    ExtensionContext owner = Stores.testLevel(context);
    return Stores.store(owner)
        .getOrComputeIfAbsent(
            new Key(owner.getUniqueId()),
            key -> issuer(context).issue(FunctionSettings.resolve(context).region()),
            Identity.class);
  }

  /**
   * Return the placeholder values of the test's identity: {@code IDENTITY_ID} and {@code
   * IDENTITY_POOL_ID}.
   *
   * @param context the current context
   * @return the values by placeholder name
   */
  public static Map<String, String> placeholders(ExtensionContext context) {
    return Events.placeholders(of(context));
  }

  /**
   * Issue the identities of the whole run with {@code issuer} from now on.
   *
   * @param context any context of the run
   * @param issuer the issuer
   */
  public static void useIssuer(ExtensionContext context, IdentityIssuer issuer) {
    Stores.store(context.getRoot()).put(IdentityIssuer.class, issuer);
  }

  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  private static IdentityIssuer issuer(ExtensionContext context) {
    return Stores.store(context.getRoot())
        .getOrComputeIfAbsent(
            IdentityIssuer.class, key -> new GeneratedIdentities(), IdentityIssuer.class);
  }

  private record Key(String owner) {}

  /** New identity ids, in one identity pool per region for the whole run, as an app has. */
  private static final class GeneratedIdentities implements IdentityIssuer {
    private final ConcurrentMap<String, String> pools = new ConcurrentHashMap<>();

    @Override
    public Identity issue(String region) {
      String pool = pools.computeIfAbsent(region, Identity::newId);
      return new Identity(Identity.newId(region), pool);
    }
  }
}
