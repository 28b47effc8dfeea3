package dev.lambdalocal.apigateway.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.cognito.IssuedCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The caller blocks of the events: who signed the request, as API Gateway reports it. */
final class Callers {

  private static final String SESSION_NAME = "CognitoIdentityCredentials";
  private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  /** Role ids by role ARN: a mock sees few roles, and hashing on every request is wasted work. */
  private static final Map<String, String> ROLE_IDS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_ROLES = 1_000;

  private Callers() {}

  /**
   * Fill REST's {@code requestContext.identity}: every field API Gateway sends, null unless an IAM
   * caller with Cognito credentials signed the request.
   */
  static void restIdentity(ObjectNode identity, Object principal, IncomingRequest request) {
    IssuedCredentials credentials = principal instanceof IssuedCredentials issued ? issued : null;
    String callerId = credentials == null ? null : callerId(credentials);
    identity.put(
        "cognitoIdentityPoolId", credentials == null ? null : credentials.identityPoolId());
    identity.put("accountId", credentials == null ? null : credentials.accountId());
    identity.put("cognitoIdentityId", credentials == null ? null : credentials.identityId());
    identity.put("caller", callerId);
    identity.put("sourceIp", request.sourceIp());
    identity.putNull("principalOrgId");
    identity.put("accessKey", credentials == null ? null : credentials.accessKeyId());
    identity.put(
        "cognitoAuthenticationType", credentials == null ? null : credentials.authenticationType());
    identity.put(
        "cognitoAuthenticationProvider",
        credentials == null ? null : credentials.authenticationProvider());
    identity.put("userArn", credentials == null ? null : credentials.assumedRoleArn());
    identity.put("userAgent", request.header("User-Agent"));
    identity.put("user", callerId);
  }

  /** Fill HTTP API's {@code requestContext.authorizer.iam} for an IAM caller. */
  static void httpIam(ObjectNode iam, Object principal) {
    if (!(principal instanceof IssuedCredentials credentials)) {
      return;
    }
    iam.put("accessKey", credentials.accessKeyId());
    iam.put("accountId", credentials.accountId());
    String callerId = callerId(credentials);
    iam.put("callerId", callerId);
    ObjectNode cognito = iam.putObject("cognitoIdentity");
    var amr = cognito.putArray("amr");
    credentials.amr().forEach(amr::add);
    cognito.put("identityId", credentials.identityId());
    cognito.put("identityPoolId", credentials.identityPoolId());
    iam.putNull("principalOrgId");
    iam.put("userArn", credentials.assumedRoleArn());
    iam.put("userId", callerId);
  }

  /**
   * Return STS's user id of a role session, {@code <role id>:CognitoIdentityCredentials}. The role
   * id ({@code AROA} and 17 characters) is IAM's unique id of the role; the mock has no IAM, so it
   * derives a stable one from the role ARN.
   */
  static String callerId(IssuedCredentials credentials) {
    return roleId(credentials.roleArn()) + ":" + SESSION_NAME;
  }

  static String roleId(String roleArn) {
    if (ROLE_IDS.size() > MAX_CACHED_ROLES) {
      ROLE_IDS.clear();
    }
    return ROLE_IDS.computeIfAbsent(roleArn, Callers::deriveRoleId);
  }

  private static String deriveRoleId(String roleArn) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(roleArn.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    StringBuilder id = new StringBuilder("AROA");
    for (int i = 0; i < 17; i++) {
      id.append(ID_ALPHABET.charAt((hash[i] & 0xff) % ID_ALPHABET.length()));
    }
    return id.toString();
  }
}
