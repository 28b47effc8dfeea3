package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.Events;
import dev.lambdalocal.core.Identity;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Cognito identity of each test: one per test method (shared by the invocations of a
 * parameterized or repeated test, so that the events of {@code @EventSource} carry it too), issued
 * by the nearest {@link IdentityIssuer} and kept in the test's store.
 *
 * @since 0.1.0
 */
public final class Identities {

  private static final Object ISSUER = IdentityIssuer.class;

  private Identities() {}

  /**
   * Return the identity of the test {@code context} belongs to, issuing it on first use.
   *
   * @param context the current context
   * @return the identity
   * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when the issuer cannot
   *     issue one, naming the setting that stops it
   * @since 0.1.0
   */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  public static Identity of(ExtensionContext context) {
    ExtensionContext owner = Stores.testLevel(context);
    return Stores.store(owner)
        .getOrComputeIfAbsent(
            new Key(owner.getUniqueId()),
            key -> issuer(owner).issue(owner, FunctionSettings.resolve(context).region()),
            Identity.class);
  }

  /**
   * Return the placeholder values of the test's identity: {@code IDENTITY_ID} and {@code
   * IDENTITY_POOL_ID}. The identity is issued when a placeholder is first looked up, so that an
   * event without them issues none (a test without an identity has none, as in Lambda).
   *
   * @param context the current context
   * @return the values by placeholder name
   * @since 0.1.0
   */
  public static Map<String, String> placeholders(ExtensionContext context) {
    return new IdentityPlaceholders(() -> Events.placeholders(of(context)));
  }

  /**
   * Issue the identities of the tests under {@code scope} — a class and its tests and nested
   * classes, or with the root context the whole run — with {@code issuer} from now on. An issuer of
   * a narrower scope wins.
   *
   * @param scope the context whose tests the issuer serves
   * @param issuer the issuer
   * @since 0.1.0
   */
  public static void useIssuer(ExtensionContext scope, IdentityIssuer issuer) {
    Stores.store(scope).put(ISSUER, issuer);
  }

  /** Return the issuer of the nearest scope: a store's lookup falls back to its parents'. */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  private static IdentityIssuer issuer(ExtensionContext context) {
    IdentityIssuer issuer = Stores.store(context).get(ISSUER, IdentityIssuer.class);
    if (issuer != null) {
      return issuer;
    }
    return Stores.store(context.getRoot())
        .getOrComputeIfAbsent(ISSUER, key -> new GeneratedIdentities(), IdentityIssuer.class);
  }

  /** The key of a test's identity in its store; equals and hashCode written out (cold start). */
  private static final class Key {
    private final String owner;

    Key(String owner) {
      this.owner = owner;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.owner.equals(owner);
    }

    @Override
    public int hashCode() {
      return owner.hashCode();
    }
  }

  /**
   * The placeholder values of an identity issued on the first look-up of one of its two names;
   * other names are looked up without issuing it.
   */
  private static final class IdentityPlaceholders extends AbstractMap<String, String> {
    private final Supplier<Map<String, String>> values;
    private Map<String, String> issued;

    IdentityPlaceholders(Supplier<Map<String, String>> values) {
      this.values = values;
    }

    @Override
    public String get(Object name) {
      return Events.IDENTITY_ID.equals(name) || Events.IDENTITY_POOL_ID.equals(name)
          ? issued().get(name)
          : null;
    }

    @Override
    public boolean containsKey(Object name) {
      return get(name) != null;
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return issued().entrySet();
    }

    private Map<String, String> issued() {
      if (issued == null) {
        issued = values.get();
      }
      return issued;
    }
  }

  /** New identity ids, in one identity pool per region for the whole run, as an app has. */
  private static final class GeneratedIdentities implements IdentityIssuer {
    private final ConcurrentMap<String, String> pools = new ConcurrentHashMap<>();

    @Override
    public Identity issue(ExtensionContext owner, String region) {
      String pool = pools.computeIfAbsent(region, Identity::newId);
      return new Identity(Identity.newId(region), pool);
    }
  }
}
