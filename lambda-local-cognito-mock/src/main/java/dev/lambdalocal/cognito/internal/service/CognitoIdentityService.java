package dev.lambdalocal.cognito.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.cognito.IdentityPool;
import dev.lambdalocal.cognito.IssuedCredentials;
import dev.lambdalocal.cognito.internal.token.TokenIssuer;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Amazon Cognito Identity behind its wire protocol: takes the method, {@code X-Amz-Target} and body
 * of a request, returns the response AWS would send. One lock serializes all state, which keeps
 * every operation atomic as Cognito's are.
 */
public final class CognitoIdentityService {

  /** The prefix of every {@code X-Amz-Target} this service answers. */
  public static final String TARGET_PREFIX = "AWSCognitoIdentityService.";

  private static final System.Logger LOGGER =
      System.getLogger(CognitoIdentityService.class.getName());

  private final CognitoState state = new CognitoState();
  private final TokenIssuer issuer;
  private final IdentityOperations identities;
  private final PoolOperations pools;

  /**
   * Create the service with its initial pools.
   *
   * @param region the region, the prefix of new pool and identity ids
   * @param accountId the AWS account of every pool
   * @param clock the clock of dates, expirations and token checks
   * @param initialPools the pools that exist from the start, with their ids set
   */
  public CognitoIdentityService(
      String region, String accountId, Clock clock, List<IdentityPool> initialPools) {
    this.issuer = new TokenIssuer(region);
    this.identities = new IdentityOperations(state, clock, accountId, issuer);
    this.pools = new PoolOperations(state, region);
    initialPools.forEach(state::putPool);
  }

  /**
   * Answer one request.
   *
   * @param method the HTTP method
   * @param target the {@code X-Amz-Target} header, or null
   * @param body the request body
   * @return the response; never throws
   */
  public ServiceResponse handle(String method, String target, byte[] body) {
    try {
      if (!"POST".equals(method) || target == null || !target.startsWith(TARGET_PREFIX)) {
        throw AwsError.unknownOperation();
      }
      String operation = target.substring(TARGET_PREFIX.length());
      if (!isOperation(operation)) {
        throw AwsError.unknownOperation();
      }
      Input input = new Input(Json.parseObject(body));
      synchronized (state) {
        return ServiceResponse.ok(dispatch(operation, input));
      }
    } catch (AwsError error) {
      return ServiceResponse.error(error);
    } catch (RuntimeException e) {
      // A bug of the mock: logged with its trace, answered as AWS answers its own failures.
      LOGGER.log(Level.ERROR, "lambda-local Cognito mock failed on " + target, e);
      return ServiceResponse.error(
          AwsError.internal("Internal error in the lambda-local Cognito mock: " + e));
    }
  }

  private static boolean isOperation(String operation) {
    return switch (operation) {
      case "GetId",
          "GetCredentialsForIdentity",
          "GetOpenIdToken",
          "GetOpenIdTokenForDeveloperIdentity",
          "DescribeIdentity",
          "ListIdentities",
          "CreateIdentityPool",
          "DeleteIdentityPool",
          "DescribeIdentityPool",
          "ListIdentityPools",
          "SetIdentityPoolRoles",
          "GetIdentityPoolRoles" ->
          true;
      default -> false;
    };
  }

  private String dispatch(String operation, Input input) {
    ObjectNode output =
        switch (operation) {
          case "GetId" -> identities.getId(input);
          case "GetCredentialsForIdentity" -> identities.getCredentialsForIdentity(input);
          case "GetOpenIdToken" -> identities.getOpenIdToken(input);
          case "GetOpenIdTokenForDeveloperIdentity" ->
              identities.getOpenIdTokenForDeveloperIdentity(input);
          case "DescribeIdentity" -> identities.describeIdentity(input);
          case "ListIdentities" -> identities.listIdentities(input);
          case "CreateIdentityPool" -> pools.createIdentityPool(input);
          case "DescribeIdentityPool" -> pools.describeIdentityPool(input);
          case "ListIdentityPools" -> pools.listIdentityPools(input);
          case "GetIdentityPoolRoles" -> pools.getIdentityPoolRoles(input);
          case "DeleteIdentityPool" -> {
            pools.deleteIdentityPool(input);
            yield null;
          }
          case "SetIdentityPoolRoles" -> {
            pools.setIdentityPoolRoles(input);
            yield null;
          }
          default -> throw AwsError.unknownOperation();
        };
    // Operations without output answer with an empty body, as Cognito does.
    return output == null ? "" : Json.write(output);
  }

  /** Return the JWKS of the tokens this service signs. */
  public String jwks() {
    return issuer.jwks();
  }

  /** Return a credential set issued by this service, by access key id. */
  public Optional<IssuedCredentials> issuedCredentials(String accessKeyId) {
    synchronized (state) {
      return state.issuedCredentials(accessKeyId);
    }
  }

  /** Return every credential set issued, oldest first. */
  public List<IssuedCredentials> allIssuedCredentials() {
    synchronized (state) {
      return state.allIssuedCredentials();
    }
  }

  /** Return the pools, in order of creation. */
  public List<IdentityPool> identityPools() {
    synchronized (state) {
      return state.pools();
    }
  }

  /**
   * Register an identity id known from an earlier run as an unauthenticated identity of a pool.
   *
   * @throws IllegalArgumentException when the pool does not exist
   */
  public void adoptIdentity(String identityId, String identityPoolId) {
    synchronized (state) {
      if (state.findPool(identityPoolId).isEmpty()) {
        throw new IllegalArgumentException(
            "No identity pool " + identityPoolId + " in this Cognito mock");
      }
      identities.adopt(identityId, identityPoolId);
    }
  }
}
