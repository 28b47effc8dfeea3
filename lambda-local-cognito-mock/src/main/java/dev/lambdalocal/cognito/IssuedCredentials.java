package dev.lambdalocal.cognito;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A set of temporary AWS credentials the mock issued through {@code GetCredentialsForIdentity},
 * with everything API Gateway puts in {@code requestContext.identity} for a caller who signs with
 * it. Look one up by access key id with {@link CognitoMock#issuedCredentials(String)}.
 *
 * @param accessKeyId {@code ASIA} followed by 16 upper-case letters and digits
 * @param secretKey the 40-character secret key
 * @param sessionToken the session token, sent by signers as {@code X-Amz-Security-Token}
 * @param issuedAt when the mock's clock issued them
 * @param expiration one hour after {@link #issuedAt()}
 * @param identityId the Cognito identity they belong to
 * @param identityPoolId that identity's pool
 * @param accountId the AWS account of the pool
 * @param authenticated whether the identity was authenticated by a login
 * @param roleArn the IAM role the credentials stand for
 * @param amr the {@code amr} claim Cognito computed: {@code ["unauthenticated"]}, or {@code
 *     ["authenticated", "<provider>", "<provider>:<…>", …]}
 * @since 0.1.0
 */
public record IssuedCredentials(
    String accessKeyId,
    String secretKey,
    String sessionToken,
    Instant issuedAt,
    Instant expiration,
    String identityId,
    String identityPoolId,
    String accountId,
    boolean authenticated,
    String roleArn,
    List<String> amr) {

  /** Create a record; every field is required. */
  public IssuedCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(sessionToken, "sessionToken");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiration, "expiration");
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(identityPoolId, "identityPoolId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(roleArn, "roleArn");
    amr = List.copyOf(amr);
  }

  /**
   * Return whether the credentials have expired at {@code now}.
   *
   * @param now the instant to compare with, usually the mock's clock
   * @return true from {@link #expiration()} on
   */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiration);
  }

  /**
   * Return API Gateway's {@code cognitoAuthenticationType}.
   *
   * @return {@code authenticated} or {@code unauthenticated}
   */
  public String authenticationType() {
    return authenticated ? "authenticated" : "unauthenticated";
  }

  /**
   * Return API Gateway's {@code cognitoAuthenticationProvider}: the providers of the {@code amr}
   * claim joined by commas, e.g. {@code cognito-idp.us-east-1.amazonaws.com/us-east-1_aaa,
   * cognito-idp.us-east-1.amazonaws.com/us-east-1_aaa:CognitoSignIn:<sub>}.
   *
   * @return the providers, or null for an unauthenticated identity
   */
  public String authenticationProvider() {
    return authenticated ? String.join(",", amr.subList(1, amr.size())) : null;
  }

  /**
   * Return the ARN of the assumed-role session, as STS names a Cognito identity's session: {@code
   * arn:aws:sts::<account>:assumed-role/<role name>/CognitoIdentityCredentials}.
   *
   * @return the assumed-role ARN (API Gateway's {@code userArn})
   */
  public String assumedRoleArn() {
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    return "arn:aws:sts::"
        + accountId
        + ":assumed-role/"
        + roleName
        + "/CognitoIdentityCredentials";
  }

  /** Keep the secret key and session token out of logs and assertion messages. */
  @Override
  public String toString() {
    return "IssuedCredentials[accessKeyId="
        + accessKeyId
        + ", identityId="
        + identityId
        + ", identityPoolId="
        + identityPoolId
        + ", authenticated="
        + authenticated
        + ", roleArn="
        + roleArn
        + ", expiration="
        + expiration
        + "]";
  }
}
