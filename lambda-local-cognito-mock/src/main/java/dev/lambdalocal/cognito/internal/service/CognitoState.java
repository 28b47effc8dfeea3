package dev.lambdalocal.cognito.internal.service;

import dev.lambdalocal.cognito.IdentityPool;
import dev.lambdalocal.cognito.IssuedCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one mock remembers: pools, identities, which login belongs to which identity, and
 * every credential set issued. Not thread-safe: {@link CognitoIdentityService} serializes access.
 */
final class CognitoState {

  /** An identity and the logins linked to it (provider name to subject). */
  static final class IdentityRecord {
    final String identityId;
    final String identityPoolId;
    final Instant creationDate;
    Instant lastModifiedDate;
    final Map<String, String> logins = new LinkedHashMap<>();

    IdentityRecord(String identityId, String identityPoolId, Instant creationDate) {
      this.identityId = identityId;
      this.identityPoolId = identityPoolId;
      this.creationDate = creationDate;
      this.lastModifiedDate = creationDate;
    }

    boolean authenticated() {
      return !logins.isEmpty();
    }
  }

  private final Map<String, IdentityPool> pools = new LinkedHashMap<>();
  private final Map<String, IdentityRecord> identities = new LinkedHashMap<>();
  private final Map<String, String> identityByLogin = new LinkedHashMap<>();
  private final Map<String, IssuedCredentials> credentials = new LinkedHashMap<>();

  void putPool(IdentityPool pool) {
    pools.put(pool.identityPoolId(), pool);
  }

  IdentityPool pool(String identityPoolId) {
    IdentityPool pool = pools.get(identityPoolId);
    if (pool == null) {
      throw CognitoErrors.poolNotFound(identityPoolId);
    }
    return pool;
  }

  Optional<IdentityPool> findPool(String identityPoolId) {
    return Optional.ofNullable(pools.get(identityPoolId));
  }

  List<IdentityPool> pools() {
    return List.copyOf(pools.values());
  }

  /** Delete a pool with its identities, as Cognito does; issued credentials stay on record. */
  void deletePool(String identityPoolId) {
    pool(identityPoolId);
    pools.remove(identityPoolId);
    identities.values().removeIf(identity -> identity.identityPoolId.equals(identityPoolId));
    identityByLogin.values().removeIf(identityId -> !identities.containsKey(identityId));
  }

  IdentityRecord identity(String identityId) {
    IdentityRecord identity = identities.get(identityId);
    if (identity == null) {
      throw CognitoErrors.identityNotFound(identityId);
    }
    return identity;
  }

  Optional<IdentityRecord> findIdentity(String identityId) {
    return Optional.ofNullable(identities.get(identityId));
  }

  List<IdentityRecord> identities(String identityPoolId) {
    List<IdentityRecord> result = new ArrayList<>();
    for (IdentityRecord identity : identities.values()) {
      if (identity.identityPoolId.equals(identityPoolId)) {
        result.add(identity);
      }
    }
    return result;
  }

  IdentityRecord newIdentity(String identityId, String identityPoolId, Instant now) {
    IdentityRecord identity = new IdentityRecord(identityId, identityPoolId, now);
    identities.put(identityId, identity);
    return identity;
  }

  /** Return the identity a login is linked to in a pool, if any. */
  Optional<IdentityRecord> linkedIdentity(String identityPoolId, Logins.Resolved login) {
    String identityId = identityByLogin.get(loginKey(identityPoolId, login));
    return Optional.ofNullable(identityId).map(identities::get);
  }

  void link(IdentityRecord identity, Logins.Resolved login, Instant now) {
    identityByLogin.put(loginKey(identity.identityPoolId, login), identity.identityId);
    if (!login.subject().equals(identity.logins.put(login.provider(), login.subject()))) {
      identity.lastModifiedDate = now;
    }
  }

  private static String loginKey(String identityPoolId, Logins.Resolved login) {
    return identityPoolId + '\n' + login.provider() + '\n' + login.subject();
  }

  void record(IssuedCredentials issued) {
    credentials.put(issued.accessKeyId(), issued);
  }

  Optional<IssuedCredentials> issuedCredentials(String accessKeyId) {
    return Optional.ofNullable(credentials.get(accessKeyId));
  }

  List<IssuedCredentials> allIssuedCredentials() {
    return List.copyOf(credentials.values());
  }
}
