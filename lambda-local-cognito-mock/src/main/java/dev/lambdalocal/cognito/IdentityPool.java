package dev.lambdalocal.cognito;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Amazon Cognito identity pool as the mock serves it: the fields of Cognito's {@code
 * DescribeIdentityPool} plus the pool's two default roles ({@code GetIdentityPoolRoles}).
 *
 * <p>Declare pools with {@link #builder()} and {@link CognitoMock.Builder#identityPool}; read them
 * back with {@link CognitoMock#identityPools()}, which also lists pools that clients created with
 * {@code CreateIdentityPool}.
 *
 * @param identityPoolId the id, {@code <region>:<uuid>}; null in a declaration lets the mock
 *     generate one in its region
 * @param identityPoolName the name, matching {@code [\w\s+=,.@-]+}
 * @param allowUnauthenticatedIdentities whether {@code GetId} without logins is allowed
 * @param allowClassicFlow whether the basic (classic) flow is enabled; informational here
 * @param authenticatedRoleArn the role of authenticated identities, or null for none
 * @param unauthenticatedRoleArn the role of unauthenticated identities, or null for none
 * @param developerProviderName the developer provider ("domain") of developer-authenticated
 *     identities, or null
 * @param supportedLoginProviders social providers ({@code graph.facebook.com}, {@code
 *     accounts.google.com}, …) mapped to their app ids
 * @param cognitoIdentityProviders the Cognito user pools (and app clients) whose ID tokens the pool
 *     accepts
 * @param openIdConnectProviderArns the IAM OIDC providers the pool trusts
 * @param samlProviderArns the IAM SAML providers the pool trusts
 * @param identityPoolTags the pool's tags
 * @since 0.1.0
 */
public record IdentityPool(
    String identityPoolId,
    String identityPoolName,
    boolean allowUnauthenticatedIdentities,
    boolean allowClassicFlow,
    String authenticatedRoleArn,
    String unauthenticatedRoleArn,
    String developerProviderName,
    Map<String, String> supportedLoginProviders,
    List<UserPoolProvider> cognitoIdentityProviders,
    List<String> openIdConnectProviderArns,
    List<String> samlProviderArns,
    Map<String, String> identityPoolTags) {

  /** Copy the collections, so that a pool never changes once made. */
  public IdentityPool {
    Objects.requireNonNull(identityPoolName, "identityPoolName");
    supportedLoginProviders = copy(supportedLoginProviders);
    cognitoIdentityProviders =
        cognitoIdentityProviders == null ? List.of() : List.copyOf(cognitoIdentityProviders);
    openIdConnectProviderArns =
        openIdConnectProviderArns == null ? List.of() : List.copyOf(openIdConnectProviderArns);
    samlProviderArns = samlProviderArns == null ? List.of() : List.copyOf(samlProviderArns);
    identityPoolTags = copy(identityPoolTags);
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Start a pool declaration: named {@code lambda_local}, unauthenticated identities allowed, no
   * providers.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Start a builder holding this pool's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder =
        new Builder()
            .identityPoolId(identityPoolId)
            .identityPoolName(identityPoolName)
            .allowUnauthenticatedIdentities(allowUnauthenticatedIdentities)
            .allowClassicFlow(allowClassicFlow)
            .roles(authenticatedRoleArn, unauthenticatedRoleArn)
            .developerProviderName(developerProviderName);
    builder.supportedLoginProviders.putAll(supportedLoginProviders);
    builder.cognitoIdentityProviders.addAll(cognitoIdentityProviders);
    builder.openIdConnectProviderArns.addAll(openIdConnectProviderArns);
    builder.samlProviderArns.addAll(samlProviderArns);
    builder.identityPoolTags.putAll(identityPoolTags);
    return builder;
  }

  /**
   * A Cognito user pool app client whose ID tokens an identity pool accepts, as in Cognito's {@code
   * CognitoIdentityProviders}.
   *
   * @param providerName {@code cognito-idp.<region>.amazonaws.com/<user pool id>}, which is also
   *     the key of the {@code Logins} map
   * @param clientId the app client id the ID token's {@code aud} must name
   * @param serverSideTokenCheck Cognito's flag; informational here
   * @since 0.1.0
   */
  public record UserPoolProvider(
      String providerName, String clientId, boolean serverSideTokenCheck) {

    /** Create a provider; name and client id are required. */
    public UserPoolProvider {
      Objects.requireNonNull(providerName, "providerName");
      Objects.requireNonNull(clientId, "clientId");
    }
  }

  /**
   * Builds an {@link IdentityPool}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private String identityPoolId;
    private String identityPoolName = "lambda_local";
    private boolean allowUnauthenticatedIdentities = true;
    private boolean allowClassicFlow;
    private String authenticatedRoleArn;
    private String unauthenticatedRoleArn;
    private String developerProviderName;
    private final Map<String, String> supportedLoginProviders = new LinkedHashMap<>();
    private final List<UserPoolProvider> cognitoIdentityProviders = new ArrayList<>();
    private final List<String> openIdConnectProviderArns = new ArrayList<>();
    private final List<String> samlProviderArns = new ArrayList<>();
    private final Map<String, String> identityPoolTags = new LinkedHashMap<>();

    private Builder() {}

    /** Set the pool id ({@code <region>:<uuid>}); by default the mock generates one. */
    public Builder identityPoolId(String identityPoolId) {
      this.identityPoolId = identityPoolId;
      return this;
    }

    /** Set the pool name (default {@code lambda_local}). */
    public Builder identityPoolName(String identityPoolName) {
      this.identityPoolName = Objects.requireNonNull(identityPoolName, "identityPoolName");
      return this;
    }

    /** Allow or refuse unauthenticated identities (default: allowed). */
    public Builder allowUnauthenticatedIdentities(boolean allow) {
      this.allowUnauthenticatedIdentities = allow;
      return this;
    }

    /** Enable or disable the basic (classic) flow (default: disabled). */
    public Builder allowClassicFlow(boolean allow) {
      this.allowClassicFlow = allow;
      return this;
    }

    /**
     * Set both roles; a null ARN means none. A pool given to {@link CognitoMock.Builder} gets
     * {@code arn:aws:iam::<account>:role/Cognito_<name>Auth_Role} (or {@code Unauth_Role}) for a
     * role left unset.
     */
    public Builder roles(String authenticatedRoleArn, String unauthenticatedRoleArn) {
      this.authenticatedRoleArn = authenticatedRoleArn;
      this.unauthenticatedRoleArn = unauthenticatedRoleArn;
      return this;
    }

    /** Set the developer provider name of developer-authenticated identities. */
    public Builder developerProviderName(String developerProviderName) {
      this.developerProviderName = developerProviderName;
      return this;
    }

    /** Accept a social provider's tokens, e.g. {@code ("graph.facebook.com", "<app id>")}. */
    public Builder supportedLoginProvider(String providerName, String appId) {
      supportedLoginProviders.put(
          Objects.requireNonNull(providerName, "providerName"),
          Objects.requireNonNull(appId, "appId"));
      return this;
    }

    /**
     * Accept the ID tokens of a Cognito user pool app client.
     *
     * @param providerName {@code cognito-idp.<region>.amazonaws.com/<user pool id>}
     * @param clientId the app client id
     */
    public Builder cognitoIdentityProvider(String providerName, String clientId) {
      cognitoIdentityProviders.add(new UserPoolProvider(providerName, clientId, false));
      return this;
    }

    /**
     * Trust an IAM OpenID Connect provider, {@code arn:aws:iam::<account>:oidc-provider/<host>}.
     */
    public Builder openIdConnectProviderArn(String arn) {
      openIdConnectProviderArns.add(Objects.requireNonNull(arn, "arn"));
      return this;
    }

    /** Trust an IAM SAML provider, {@code arn:aws:iam::<account>:saml-provider/<name>}. */
    public Builder samlProviderArn(String arn) {
      samlProviderArns.add(Objects.requireNonNull(arn, "arn"));
      return this;
    }

    /** Add a tag. */
    public Builder tag(String key, String value) {
      identityPoolTags.put(
          Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Build the pool.
     *
     * @return the pool
     */
    public IdentityPool build() {
      return new IdentityPool(
          identityPoolId,
          identityPoolName,
          allowUnauthenticatedIdentities,
          allowClassicFlow,
          authenticatedRoleArn,
          unauthenticatedRoleArn,
          developerProviderName,
          supportedLoginProviders,
          cognitoIdentityProviders,
          openIdConnectProviderArns,
          samlProviderArns,
          identityPoolTags);
    }
  }
}
