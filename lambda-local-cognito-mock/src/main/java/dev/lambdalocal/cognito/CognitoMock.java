package dev.lambdalocal.cognito;

import dev.lambdalocal.aws.internal.Clients;
import dev.lambdalocal.aws.internal.ServiceSettings;
import dev.lambdalocal.aws.internal.server.Mounts;
import dev.lambdalocal.cognito.internal.server.CognitoMount;
import dev.lambdalocal.cognito.internal.server.MockServer;
import dev.lambdalocal.cognito.internal.service.CognitoIdentityService;
import dev.lambdalocal.core.Identity;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.GetIdResponse;

/**
 * An offline Amazon Cognito Identity on a loopback port, in this JVM, that unmodified AWS clients
 * accept: the AWS SDKs and the AWS CLI pointed at {@link #endpoint()} get AWS's responses and AWS's
 * errors.
 *
 * <pre>{@code
 * try (CognitoMock cognito = CognitoMock.builder().start();
 *     CognitoIdentityClient client = cognito.createClient()) {
 *   String id = client.getId(r -> r.identityPoolId(cognito.defaultIdentityPoolId())).identityId();
 * }
 * }</pre>
 *
 * <p>Each instance has its own port, state and signing key, so parallel tests do not meet.
 *
 * @since 0.1.0
 */
public final class CognitoMock implements AutoCloseable {

  /** The region when none is given. */
  public static final String DEFAULT_REGION = ServiceSettings.DEFAULT_REGION;

  /** The account id when none is given (the one AWS's documentation uses). */
  public static final String DEFAULT_ACCOUNT_ID = ServiceSettings.DEFAULT_ACCOUNT_ID;

  /** The access key id of the dummy credentials of {@link #createClient()} (AWS's example key). */
  public static final String DUMMY_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

  /** The secret key of the dummy credentials of {@link #createClient()}. */
  public static final String DUMMY_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private final String region;
  private final String accountId;
  private final Clock clock;
  private final String defaultIdentityPoolId;
  private final CognitoIdentityService service;
  private final MockServer server;
  private final CognitoIdentityClient client;

  private CognitoMock(ServiceSettings settings, List<IdentityPool> pools) {
    this.region = settings.region();
    this.accountId = settings.accountId();
    this.clock = settings.clock();
    this.defaultIdentityPoolId = pools.get(0).identityPoolId();
    this.service = new CognitoIdentityService(region, accountId, clock, pools);
    this.server = new MockServer(settings.port(), service);
    Mounts.register(this, new CognitoMount(service));
    try {
      this.client = createClient();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Start configuring a mock: a free port, {@value #DEFAULT_REGION}, account {@value
   * #DEFAULT_ACCOUNT_ID}, the system clock and one identity pool that allows unauthenticated
   * identities.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Return the endpoint to point AWS clients at.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return server.endpoint();
  }

  /**
   * Return the loopback port the mock listens on.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * Return the region of the mock and of its pool and identity ids.
   *
   * @return the region, e.g. {@code us-east-1}
   */
  public String region() {
    return region;
  }

  /**
   * Return the AWS account of the pools (in role ARNs and issued credentials).
   *
   * @return the 12-digit account id
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Return the clock of creation dates, expirations and token checks.
   *
   * @return the clock given to the builder
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Return where the public key of the OpenID tokens is served as a JWKS (Cognito serves its own at
   * {@code https://cognito-identity.amazonaws.com/.well-known/jwks_uri}).
   *
   * @return {@code http://127.0.0.1:<port>/.well-known/jwks_uri}
   */
  public URI jwksUri() {
    return URI.create(endpoint() + MockServer.JWKS_PATH);
  }

  /**
   * Return where the OpenID Connect discovery document is served.
   *
   * @return {@code http://127.0.0.1:<port>/.well-known/openid-configuration}
   */
  public URI openIdConfigurationUri() {
    return URI.create(endpoint() + MockServer.OPENID_CONFIGURATION_PATH);
  }

  /**
   * Return the id of the first pool given to the builder (or of the default pool).
   *
   * @return the pool id, {@code <region>:<uuid>}
   */
  public String defaultIdentityPoolId() {
    return defaultIdentityPoolId;
  }

  /**
   * Return the pools as they are now, including those created with {@code CreateIdentityPool}.
   *
   * @return the pools, in order of creation
   */
  public List<IdentityPool> identityPools() {
    return service.identityPools();
  }

  /**
   * Return a pool by id.
   *
   * @param identityPoolId the pool id
   * @return the pool, or empty when there is none (or it was deleted)
   */
  public Optional<IdentityPool> identityPool(String identityPoolId) {
    return identityPools().stream()
        .filter(pool -> pool.identityPoolId().equals(identityPoolId))
        .findFirst();
  }

  /**
   * Create an SDK v2 client for this mock: endpoint override to the loopback endpoint, the mock's
   * region, static dummy credentials, no profile file read, {@code url-connection-client}. The
   * caller closes it.
   *
   * @return a new client
   */
  public CognitoIdentityClient createClient() {
    return Clients.build(
        CognitoIdentityClient.builder(),
        endpoint(),
        region,
        AwsBasicCredentials.create(DUMMY_ACCESS_KEY_ID, DUMMY_SECRET_KEY));
  }

  /**
   * Get a new unauthenticated identity of the default pool with a real {@code GetId} call.
   *
   * @return the identity
   */
  public Identity getId() {
    return getId(defaultIdentityPoolId, Map.of());
  }

  /**
   * Get the identity of {@code logins} in a pool (a new one if they are not linked yet, a new
   * unauthenticated one when they are empty) with a real {@code GetId} call.
   *
   * @param identityPoolId the pool
   * @param logins provider names to tokens, as in Cognito's {@code Logins}
   * @return the identity
   * @throws software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException as the
   *     SDK reports Cognito's errors
   */
  public Identity getId(String identityPoolId, Map<String, String> logins) {
    GetIdResponse response =
        client.getId(
            r -> r.identityPoolId(identityPoolId).logins(logins.isEmpty() ? null : logins));
    return new Identity(response.identityId(), identityPoolId);
  }

  /**
   * Return the identity cached for {@code environment} if it belongs to the default pool, or get a
   * new one and cache it; either way the identity exists in this mock afterwards. Fix the pool id
   * in the builder for identities to survive from one run to the next.
   *
   * @param cache the cache
   * @param environment the environment name, e.g. {@code dev}
   * @return the identity
   */
  public Identity cachedIdentity(IdentityCache cache, String environment) {
    Identity identity = cache.getOrCreate(environment, defaultIdentityPoolId, this::getId);
    adoptIdentity(identity);
    return identity;
  }

  /**
   * Make an identity known from an earlier run exist here as an unauthenticated identity of its
   * pool; an identity the mock already knows is left as it is.
   *
   * @param identity the identity
   * @throws IllegalArgumentException when its pool does not exist in this mock
   */
  public void adoptIdentity(Identity identity) {
    service.adoptIdentity(identity.identityId(), identity.identityPoolId());
  }

  /**
   * Return the credential set issued with {@code accessKeyId}, expired or not.
   *
   * @param accessKeyId the access key id ({@code ASIA…})
   * @return the credentials and whom they were issued to, or empty when the mock never issued them
   */
  public Optional<IssuedCredentials> issuedCredentials(String accessKeyId) {
    return service.issuedCredentials(accessKeyId);
  }

  /**
   * Return every credential set this mock issued.
   *
   * @return the credentials, oldest first
   */
  public List<IssuedCredentials> issuedCredentials() {
    return service.allIssuedCredentials();
  }

  /** Stop the server and release its port. */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.close();
    }
  }

  /**
   * Configures and starts a {@link CognitoMock}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private final ServiceSettings settings = new ServiceSettings();
    private final List<IdentityPool> pools = new ArrayList<>();

    private Builder() {}

    /** Listen on {@code port}; 0 (the default) takes a free one. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** Serve {@code region} (default {@value CognitoMock#DEFAULT_REGION}). */
    public Builder region(String region) {
      settings.region(region);
      return this;
    }

    /** Set the AWS account of the pools (default {@value CognitoMock#DEFAULT_ACCOUNT_ID}). */
    public Builder accountId(String accountId) {
      settings.accountId(accountId);
      return this;
    }

    /** Use {@code clock} for dates, expirations and token checks (default: the system clock). */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /**
     * Add an identity pool. The first one is the {@linkplain #defaultIdentityPoolId() default}; a
     * pool without id gets {@code <region>:<random uuid>}, a role left unset gets {@code
     * arn:aws:iam::<account>:role/Cognito_<name>Auth_Role} or {@code …Unauth_Role}. Without any,
     * the mock has one pool named {@code lambda_local} that allows unauthenticated identities.
     */
    public Builder identityPool(IdentityPool pool) {
      pools.add(Objects.requireNonNull(pool, "pool"));
      return this;
    }

    /**
     * Start the mock.
     *
     * @return the running mock; close it to stop it
     * @throws IllegalArgumentException naming the pool whose id is malformed, of another region or
     *     given twice
     * @throws IllegalStateException when the port cannot be bound
     */
    public CognitoMock start() {
      List<IdentityPool> resolved = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (IdentityPool pool : pools.isEmpty() ? List.of(IdentityPool.builder().build()) : pools) {
        IdentityPool complete = complete(pool);
        if (!ids.add(complete.identityPoolId())) {
          throw new IllegalArgumentException(
              "identity pool " + complete.identityPoolId() + " is given twice");
        }
        resolved.add(complete);
      }
      return new CognitoMock(settings, resolved);
    }

    private IdentityPool complete(IdentityPool pool) {
      String region = settings.region();
      String id = pool.identityPoolId();
      if (id == null) {
        id = region + ":" + UUID.randomUUID();
      } else if (!Identity.isCognitoId(id) || !id.startsWith(region + ":")) {
        throw new IllegalArgumentException(
            "identity pool id " + id + " is not of the form " + region + ":<uuid>");
      }
      String prefix =
          "arn:aws:iam::"
              + settings.accountId()
              + ":role/Cognito_"
              + pool.identityPoolName().replaceAll("\\s", "_");
      return pool.toBuilder()
          .identityPoolId(id)
          .roles(
              pool.authenticatedRoleArn() != null
                  ? pool.authenticatedRoleArn()
                  : prefix + "Auth_Role",
              pool.unauthenticatedRoleArn() != null
                  ? pool.unauthenticatedRoleArn()
                  : prefix + "Unauth_Role")
          .build();
    }
  }
}
