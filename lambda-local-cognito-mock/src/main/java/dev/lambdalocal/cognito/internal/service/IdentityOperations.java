package dev.lambdalocal.cognito.internal.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.Validation;
import dev.lambdalocal.cognito.IdentityPool;
import dev.lambdalocal.cognito.IssuedCredentials;
import dev.lambdalocal.cognito.internal.service.CognitoState.IdentityRecord;
import dev.lambdalocal.cognito.internal.token.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The operations on identities: getting one, its credentials and tokens, describing them. */
final class IdentityOperations {

  static final String UNAUTHENTICATED_NOT_SUPPORTED =
      "Unauthenticated access is not supported for this identity pool.";
  static final String LOGINS_DO_NOT_MATCH =
      "Logins don't match. Please include at least one valid login for this identity or identity"
          + " pool.";
  static final String INVALID_POOL_CONFIGURATION =
      "Invalid identity pool configuration. Check assigned IAM roles for this pool.";
  static final String DEVELOPER_PROVIDER_NOT_SUPPORTED =
      "This identity pool does not support the specified developer provider";

  /** Credentials live one hour, tokens from GetOpenIdToken ten minutes, developer tokens 15. */
  static final Duration CREDENTIALS_LIFETIME = Duration.ofHours(1);

  static final Duration OPEN_ID_TOKEN_LIFETIME = Duration.ofMinutes(10);
  static final long DEVELOPER_TOKEN_SECONDS = 900;

  private final CognitoState state;
  private final Clock clock;
  private final String accountId;
  private final TokenIssuer issuer;
  private final Logins logins;
  private final CredentialsFactory credentials = new CredentialsFactory();

  IdentityOperations(CognitoState state, Clock clock, String accountId, TokenIssuer issuer) {
    this.state = state;
    this.clock = clock;
    this.accountId = accountId;
    this.issuer = issuer;
    this.logins = new Logins(issuer);
  }

  ObjectNode getId(Input input) {
    String accountIdMember = input.string("AccountId");
    String poolId = input.string("IdentityPoolId");
    Map<String, String> loginMap = input.stringMap("Logins");
    new Validation()
        .string("accountId", accountIdMember, "\\d+", 1, 15)
        .required("identityPoolId", poolId)
        .cognitoId("identityPoolId", poolId)
        .size("logins", loginMap, 10)
        .check();
    IdentityPool pool = state.pool(poolId);
    Instant now = clock.instant();
    IdentityRecord identity;
    if (loginMap == null || loginMap.isEmpty()) {
      if (!pool.allowUnauthenticatedIdentities()) {
        throw AwsError.notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
      }
      identity = state.newIdentity(newIdentityId(poolId), poolId, now);
    } else {
      identity = link(pool, resolve(pool, loginMap, Logins.Use.GET_ID, now), null, now);
    }
    return Json.object().put("IdentityId", identity.identityId);
  }

  ObjectNode getCredentialsForIdentity(Input input) {
    String identityId = input.string("IdentityId");
    Map<String, String> loginMap = input.stringMap("Logins");
    String customRoleArn = input.string("CustomRoleArn");
    new Validation()
        .required("identityId", identityId)
        .cognitoId("identityId", identityId)
        .size("logins", loginMap, 10)
        .string("customRoleArn", customRoleArn, null, 20, 2048)
        .check();
    Instant now = clock.instant();
    IdentityRecord identity = state.identity(identityId);
    IdentityPool pool = state.pool(identity.identityPoolId);
    List<String> amr = authorize(pool, identity, loginMap, now);
    boolean authenticated = amr.get(0).equals("authenticated");
    String roleArn =
        authenticated
            ? (customRoleArn != null ? customRoleArn : pool.authenticatedRoleArn())
            : pool.unauthenticatedRoleArn();
    if (roleArn == null) {
      throw AwsError.of("InvalidIdentityPoolConfigurationException", INVALID_POOL_CONFIGURATION);
    }
    IssuedCredentials issued =
        new IssuedCredentials(
            credentials.accessKeyId(),
            credentials.secretKey(),
            credentials.sessionToken(),
            now,
            now.plus(CREDENTIALS_LIFETIME),
            identityId,
            pool.identityPoolId(),
            accountId,
            authenticated,
            roleArn,
            amr);
    state.record(issued);
    ObjectNode output = Json.object();
    ObjectNode credentialsNode = output.putObject("Credentials");
    credentialsNode.put("AccessKeyId", issued.accessKeyId());
    Json.putTimestamp(credentialsNode, "Expiration", issued.expiration());
    credentialsNode.put("SecretKey", issued.secretKey()).put("SessionToken", issued.sessionToken());
    return output.put("IdentityId", identityId);
  }

  ObjectNode getOpenIdToken(Input input) {
    String identityId = input.string("IdentityId");
    Map<String, String> loginMap = input.stringMap("Logins");
    new Validation()
        .required("identityId", identityId)
        .cognitoId("identityId", identityId)
        .size("logins", loginMap, 10)
        .check();
    Instant now = clock.instant();
    IdentityRecord identity = state.identity(identityId);
    IdentityPool pool = state.pool(identity.identityPoolId);
    List<String> amr = authorize(pool, identity, loginMap, now);
    String token =
        issuer.sign(identityId, pool.identityPoolId(), amr, now, now.plus(OPEN_ID_TOKEN_LIFETIME));
    return Json.object().put("IdentityId", identityId).put("Token", token);
  }

  ObjectNode getOpenIdTokenForDeveloperIdentity(Input input) {
    String poolId = input.string("IdentityPoolId");
    String identityId = input.string("IdentityId");
    Map<String, String> loginMap = input.stringMap("Logins");
    Map<String, String> principalTags = input.stringMap("PrincipalTags");
    Long tokenDuration = input.integer("TokenDuration");
    new Validation()
        .required("identityPoolId", poolId)
        .cognitoId("identityPoolId", poolId)
        .cognitoId("identityId", identityId)
        .required("logins", loginMap)
        .size("logins", loginMap, 10)
        .size("principalTags", principalTags, 50)
        .range("tokenDuration", tokenDuration, 1, 86400)
        .check();
    IdentityPool pool = state.pool(poolId);
    String developerProvider = pool.developerProviderName();
    if (developerProvider == null || !loginMap.containsKey(developerProvider)) {
      throw AwsError.notAuthorized(DEVELOPER_PROVIDER_NOT_SUPPORTED);
    }
    Instant now = clock.instant();
    List<Logins.Resolved> resolved = resolve(pool, loginMap, Logins.Use.DEVELOPER, now);
    IdentityRecord existing = null;
    if (identityId != null) {
      existing =
          state
              .findIdentity(identityId)
              .filter(identity -> identity.identityPoolId.equals(poolId))
              .orElseThrow(() -> CognitoErrors.identityNotFound(identityId));
      for (Logins.Resolved login : resolved) {
        IdentityRecord linked = state.linkedIdentity(poolId, login).orElse(null);
        if (login.provider().equals(developerProvider) && linked != null && linked != existing) {
          throw AwsError.of(
              "DeveloperUserAlreadyRegisteredException",
              "The provided developer user identifier is already registered with Cognito under a"
                  + " different identity ID.");
        }
      }
    }
    IdentityRecord identity = link(pool, resolved, existing, now);
    List<String> amr = new ArrayList<>(List.of("authenticated"));
    resolved.forEach(login -> amr.addAll(login.amr()));
    long seconds = tokenDuration != null ? tokenDuration : DEVELOPER_TOKEN_SECONDS;
    String token = issuer.sign(identity.identityId, poolId, amr, now, now.plusSeconds(seconds));
    return Json.object().put("IdentityId", identity.identityId).put("Token", token);
  }

  ObjectNode describeIdentity(Input input) {
    String identityId = input.string("IdentityId");
    new Validation().required("identityId", identityId).cognitoId("identityId", identityId).check();
    return describe(state.identity(identityId));
  }

  ObjectNode listIdentities(Input input) {
    String poolId = input.string("IdentityPoolId");
    Long maxResults = input.integer("MaxResults");
    String nextToken = input.string("NextToken");
    input.bool("HideDisabled");
    new Validation()
        .required("identityPoolId", poolId)
        .cognitoId("identityPoolId", poolId)
        .required("maxResults", maxResults)
        .range("maxResults", maxResults, 1, 60)
        .string("nextToken", nextToken, "[\\S]+", 1, 65535)
        .check();
    state.pool(poolId);
    ObjectNode output = Json.object().put("IdentityPoolId", poolId);
    ArrayNode identities = output.putArray("Identities");
    for (IdentityRecord identity :
        Pages.page(state.identities(poolId), maxResults, nextToken, output)) {
      identities.add(describe(identity));
    }
    return output;
  }

  /** Register an identity known from an earlier run (see IdentityCache), unauthenticated. */
  void adopt(String identityId, String poolId) {
    state.pool(poolId);
    if (state.findIdentity(identityId).isEmpty()) {
      state.newIdentity(identityId, poolId, clock.instant());
    }
  }

  private static ObjectNode describe(IdentityRecord identity) {
    ObjectNode node = Json.object().put("IdentityId", identity.identityId);
    if (!identity.logins.isEmpty()) {
      ArrayNode loginNames = node.putArray("Logins");
      identity.logins.keySet().forEach(loginNames::add);
    }
    Json.putTimestamp(node, "CreationDate", identity.creationDate);
    Json.putTimestamp(node, "LastModifiedDate", identity.lastModifiedDate);
    return node;
  }

  /**
   * Decide who calls for {@code identity}: return the {@code amr} claim, or fail as Cognito does
   * when the logins do not give access to it.
   */
  private List<String> authorize(
      IdentityPool pool, IdentityRecord identity, Map<String, String> loginMap, Instant now) {
    if (loginMap == null || loginMap.isEmpty()) {
      if (identity.authenticated()) {
        throw AwsError.notAuthorized(
            "Access to Identity '" + identity.identityId + "' is forbidden.");
      }
      if (!pool.allowUnauthenticatedIdentities()) {
        throw AwsError.notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
      }
      return List.of("unauthenticated");
    }
    List<Logins.Resolved> resolved = resolve(pool, loginMap, Logins.Use.CREDENTIALS, now);
    List<String> amr = new ArrayList<>(List.of("authenticated"));
    for (Logins.Resolved login : resolved) {
      IdentityRecord owner =
          login.cognitoToken()
              ? state.findIdentity(login.subject()).orElse(null)
              : state.linkedIdentity(pool.identityPoolId(), login).orElse(identity);
      if (owner != identity) {
        throw AwsError.notAuthorized(LOGINS_DO_NOT_MATCH);
      }
      amr.addAll(login.amr());
    }
    for (Logins.Resolved login : resolved) {
      if (!login.cognitoToken()) {
        state.link(identity, login, now);
      }
    }
    return amr;
  }

  private List<Logins.Resolved> resolve(
      IdentityPool pool, Map<String, String> loginMap, Logins.Use use, Instant now) {
    List<Logins.Resolved> resolved = new ArrayList<>();
    loginMap.forEach(
        (provider, token) -> resolved.add(logins.resolve(pool, provider, token, use, now)));
    return resolved;
  }

  /**
   * Return the identity the logins belong to, linking them all to it: {@code existing} if given,
   * else the one identity they are already linked to, else a new identity.
   */
  private IdentityRecord link(
      IdentityPool pool, List<Logins.Resolved> resolved, IdentityRecord existing, Instant now) {
    Set<IdentityRecord> linked = new LinkedHashSet<>();
    for (Logins.Resolved login : resolved) {
      state.linkedIdentity(pool.identityPoolId(), login).ifPresent(linked::add);
    }
    if (existing != null) {
      linked.remove(existing);
    }
    if ((existing == null && linked.size() > 1) || (existing != null && !linked.isEmpty())) {
      throw AwsError.resourceConflict("Logins are already linked to a different identity.");
    }
    IdentityRecord identity = existing;
    if (identity == null) {
      identity =
          linked.isEmpty()
              ? state.newIdentity(newIdentityId(pool.identityPoolId()), pool.identityPoolId(), now)
              : linked.iterator().next();
    }
    for (Logins.Resolved login : resolved) {
      state.link(identity, login, now);
    }
    return identity;
  }

  private static String newIdentityId(String poolId) {
    return poolId.substring(0, poolId.indexOf(':')) + ":" + UUID.randomUUID();
  }
}
