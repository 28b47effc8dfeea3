package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.WithCognitoMock;
import dev.lambdalocal.junit.WithCognitoMock.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Cognito mock a test uses, as the innermost {@link WithCognitoMock @WithCognitoMock} around it
 * and the configuration parameters describe it; checked, with every value's origin kept for error
 * messages. Refers to no type of lambda-local-cognito-mock, so it can be used without it.
 *
 * @since 0.1.0
 */
public final class CognitoMockSettings {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern DEVELOPER_PROVIDER_NAME = Pattern.compile("[\\w._-]{1,128}");
  private static final String DEFAULT_ACCOUNT_ID = "123456789012";

  /**
   * What makes two mocks the same: with {@link Scope#RUN}, classes whose values are equal share
   * one.
   *
   * @param region the region
   * @param accountId the account id
   * @param identityPoolId the pool id, {@code <region>:<uuid>}
   * @param allowUnauthenticatedIdentities whether the pool allows unauthenticated identities
   * @param developerProviderName the developer provider name, or null
   * @since 0.1.0
   */
  public record Values(
      String region,
      String accountId,
      String identityPoolId,
      boolean allowUnauthenticatedIdentities,
      String developerProviderName) {}

  private final ExtensionContext owner;
  private final Values values;
  private final Scope scope;
  private final String origin;
  private final String unauthenticatedOrigin;

  private CognitoMockSettings(
      ExtensionContext owner,
      Values values,
      Scope scope,
      String origin,
      String unauthenticatedOrigin) {
    this.owner = owner;
    this.values = values;
    this.scope = scope;
    this.origin = origin;
    this.unauthenticatedOrigin = unauthenticatedOrigin;
  }

  /**
   * Find the settings of the innermost class around {@code context} that has (or inherits) {@link
   * WithCognitoMock @WithCognitoMock}; resolved once per class.
   *
   * @param context the current context
   * @return the settings, or empty when no class around the context asks for a mock
   * @throws ExtensionConfigurationException naming the attribute or configuration parameter whose
   *     value is wrong
   * @since 0.1.0
   */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  public static Optional<CognitoMockSettings> find(ExtensionContext context) {
    for (ExtensionContext level : Stores.classLevels(context)) {
      Optional<WithCognitoMock> annotation =
          AnnotationSupport.findAnnotation(level.getRequiredTestClass(), WithCognitoMock.class);
      if (annotation.isPresent()) {
        return Optional.of(
            Stores.store(level)
                .getOrComputeIfAbsent(
                    new Key(level.getUniqueId()),
                    key -> resolve(level, annotation.get()),
                    CognitoMockSettings.class));
      }
    }
    return Optional.empty();
  }

  /**
   * Return the context of the class whose annotation this is: the mock's owner.
   *
   * @since 0.1.0
   */
  public ExtensionContext owner() {
    return owner;
  }

  /**
   * Return the values that make the mock.
   *
   * @since 0.1.0
   */
  public Values values() {
    return values;
  }

  /**
   * Return the scope, never {@link Scope#DEFAULT}.
   *
   * @since 0.1.0
   */
  public Scope scope() {
    return scope;
  }

  /**
   * Return where the annotation is, for messages: {@code @WithCognitoMock on class …}.
   *
   * @since 0.1.0
   */
  public String origin() {
    return origin;
  }

  /**
   * Return what allows or refuses unauthenticated identities, for messages.
   *
   * @since 0.1.0
   */
  public String unauthenticatedOrigin() {
    return unauthenticatedOrigin;
  }

  private static CognitoMockSettings resolve(ExtensionContext owner, WithCognitoMock annotation) {
    String where = Describe.element(owner.getRequiredTestClass());
    String origin = "@WithCognitoMock on " + where;

    Scope scope = annotation.scope();
    if (scope == Scope.DEFAULT) {
      scope =
          parameter(owner, WithCognitoMock.SCOPE_KEY).map(CognitoMockSettings::scope).orElse(null);
    }

    Value region =
        value(owner, annotation.region(), "region", where, WithCognitoMock.REGION_KEY)
            .orElseGet(
                () ->
                    new Value(
                        FunctionSettings.resolve(owner).region(),
                        origin + ": the region of the function"));
    if (!REGION.matcher(region.text()).matches()) {
      throw new ExtensionConfigurationException(
          region.origin() + ": not an AWS region name, e.g. us-east-1");
    }

    Value accountId =
        value(owner, annotation.accountId(), "accountId", where, WithCognitoMock.ACCOUNT_ID_KEY)
            .orElseGet(() -> new Value(DEFAULT_ACCOUNT_ID, origin));
    if (!ACCOUNT_ID.matcher(accountId.text()).matches()) {
      throw new ExtensionConfigurationException(
          accountId.origin() + ": an account id is 12 digits");
    }

    Optional<Value> poolId =
        value(
            owner,
            annotation.identityPoolId(),
            "identityPoolId",
            where,
            WithCognitoMock.IDENTITY_POOL_ID_KEY);
    poolId.ifPresent(
        id -> {
          if (!Identity.isCognitoId(id.text()) || !id.text().startsWith(region.text() + ":")) {
            throw new ExtensionConfigurationException(
                id.origin() + ": not an identity pool id of the form " + region.text() + ":<uuid>");
          }
        });

    String developerProviderName = annotation.developerProviderName();
    if (!developerProviderName.isEmpty()
        && !DEVELOPER_PROVIDER_NAME.matcher(developerProviderName).matches()) {
      throw new ExtensionConfigurationException(
          attribute("developerProviderName", developerProviderName, where)
              + ": a developer provider name is 1 to 128 letters, digits, '.', '_' or '-'");
    }

    Values values =
        new Values(
            region.text(),
            accountId.text(),
            poolId.map(Value::text).orElseGet(() -> stablePoolId(region.text(), accountId.text())),
            annotation.allowUnauthenticatedIdentities(),
            developerProviderName.isEmpty() ? null : developerProviderName);
    String unauthenticatedOrigin =
        annotation.allowUnauthenticatedIdentities()
            ? origin
            : "@WithCognitoMock(allowUnauthenticatedIdentities = false) on " + where;
    return new CognitoMockSettings(
        owner, values, scope == null ? Scope.CLASS : scope, origin, unauthenticatedOrigin);
  }

  /** The same id on every run, so that the identities of an {@code IdentityCache} stay valid. */
  private static String stablePoolId(String region, String accountId) {
    byte[] name = ("lambda-local " + accountId + " " + region).getBytes(StandardCharsets.UTF_8);
    return region + ":" + UUID.nameUUIDFromBytes(name);
  }

  private static Scope scope(String text) {
    String name = text.toUpperCase(Locale.ROOT);
    if (name.equals(Scope.CLASS.name()) || name.equals(Scope.RUN.name())) {
      return Scope.valueOf(name);
    }
    throw new ExtensionConfigurationException(
        "configuration parameter "
            + WithCognitoMock.SCOPE_KEY
            + " = \""
            + text
            + "\": expected class or run");
  }

  /** Return the attribute's value if it is set, else the configuration parameter's. */
  private static Optional<Value> value(
      ExtensionContext context, String value, String attribute, String where, String key) {
    if (!value.isEmpty()) {
      return Optional.of(new Value(value, attribute(attribute, value, where)));
    }
    return parameter(context, key)
        .map(text -> new Value(text, "configuration parameter " + key + " = \"" + text + "\""));
  }

  private static String attribute(String attribute, String value, String where) {
    return "@WithCognitoMock(" + attribute + " = \"" + value + "\") on " + where;
  }

  private static Optional<String> parameter(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).map(String::trim).filter(s -> !s.isEmpty());
  }

  @Override
  public String toString() {
    return origin + ": " + values + ", scope " + scope;
  }

  private record Value(String text, String origin) {}

  private record Key(String owner) {}
}
