package dev.lambdalocal.apigateway.internal.client;

import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.core.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

/**
 * One Cognito identity and its temporary credentials, as the old {@code apiconnect.py} kept them:
 * {@code GetId} once (or the identity cached for the environment), {@code
 * GetCredentialsForIdentity} again when the credentials are about to expire.
 */
public final class CognitoSession {

  /** Credentials this close to their expiration are replaced before signing. */
  public static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final CognitoIdentityClient client;
  private final String identityPoolId;
  private final Map<String, String> logins;
  private final IdentityCache cache;
  private final String environment;
  private final Clock clock;

  private Identity identity;
  private boolean identityCreated;
  private AwsSessionCredentialsIdentity credentials;
  private Instant expiration;

  /**
   * Create a session; nothing is called until the identity or credentials are asked for.
   *
   * @param client the Cognito client
   * @param identityPoolId the pool
   * @param logins the logins of an authenticated identity, or empty
   * @param cache the identity cache, or null
   * @param environment the cache's environment name, or null
   * @param clock decides when the credentials expire
   */
  public CognitoSession(
      CognitoIdentityClient client,
      String identityPoolId,
      Map<String, String> logins,
      IdentityCache cache,
      String environment,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.identityPoolId = Objects.requireNonNull(identityPoolId, "identityPoolId");
    this.logins = Map.copyOf(logins);
    this.cache = cache;
    this.environment = environment;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Return the identity, calling {@code GetId} (or reading the cache) the first time.
   *
   * @return the identity
   */
  public synchronized Identity identity() {
    if (identity == null) {
      identity =
          cache == null ? getId() : cache.getOrCreate(environment, identityPoolId, this::getId);
    }
    return identity;
  }

  /**
   * Return credentials valid for at least {@link #REFRESH_BEFORE_EXPIRY} more, calling {@code
   * GetCredentialsForIdentity} when there are none yet or they are about to expire.
   *
   * @return the credentials
   */
  public synchronized AwsSessionCredentialsIdentity credentials() {
    if (credentials == null || !clock.instant().isBefore(expiration.minus(REFRESH_BEFORE_EXPIRY))) {
      Credentials issued;
      try {
        issued = getCredentials(identity());
      } catch (ResourceNotFoundException | NotAuthorizedException e) {
        if (cache == null || identityCreated) {
          throw failure("GetCredentialsForIdentity", e);
        }
        // The cached identity is unknown here (a new mock, a deleted identity) or belongs to
        // other logins: start afresh once, as a run without a cache would.
        cache.delete(environment);
        identity = null;
        issued = retry();
      } catch (SdkException e) {
        throw failure("GetCredentialsForIdentity", e);
      }
      credentials =
          AwsSessionCredentialsIdentity.create(
              issued.accessKeyId(), issued.secretKey(), issued.sessionToken());
      expiration = issued.expiration();
    }
    return credentials;
  }

  /**
   * Return when the current credentials expire.
   *
   * @return the expiration, or null before the first credentials
   */
  public synchronized Instant expiration() {
    return expiration;
  }

  private Identity getId() {
    try {
      String id =
          client
              .getId(r -> r.identityPoolId(identityPoolId).logins(logins.isEmpty() ? null : logins))
              .identityId();
      identityCreated = true;
      return new Identity(id, identityPoolId);
    } catch (SdkException e) {
      throw failure("GetId", e);
    }
  }

  private Credentials retry() {
    try {
      return getCredentials(identity());
    } catch (SdkException e) {
      throw failure("GetCredentialsForIdentity", e);
    }
  }

  private Credentials getCredentials(Identity identity) {
    return client
        .getCredentialsForIdentity(
            r -> r.identityId(identity.identityId()).logins(logins.isEmpty() ? null : logins))
        .credentials();
  }

  private IllegalStateException failure(String operation, SdkException e) {
    String detail =
        e instanceof CognitoIdentityException aws && aws.awsErrorDetails() != null
            ? aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage()
            : e.getMessage();
    return new IllegalStateException(
        "Cognito " + operation + " failed for identity pool " + identityPoolId + ": " + detail, e);
  }
}
