package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IssuedCredentials;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetOpenIdTokenForDeveloperIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

/**
 * A pool that refuses unauthenticated identities but has a developer provider: the tests reach
 * authenticated identities through the injected client.
 */
// tag::developer[]
@WithCognitoMock(
    region = "eu-west-1",
    accountId = "210987654321",
    identityPoolId = "eu-west-1:0a1b2c3d-1111-4222-8333-444455556666",
    allowUnauthenticatedIdentities = false,
    developerProviderName = "login.example.com")
class AuthenticatedPoolTests {

  @Test
  void aDeveloperAuthenticatedIdentityGetsTheAuthenticatedRole(
      CognitoIdentityClient client, CognitoMock cognito) {
    GetOpenIdTokenForDeveloperIdentityResponse login =
        client.getOpenIdTokenForDeveloperIdentity(
            r ->
                r.identityPoolId("eu-west-1:0a1b2c3d-1111-4222-8333-444455556666")
                    .logins(Map.of("login.example.com", "user-1")));

    Credentials credentials =
        client
            .getCredentialsForIdentity(
                r ->
                    r.identityId(login.identityId())
                        .logins(Map.of("cognito-identity.amazonaws.com", login.token())))
            .credentials();

    IssuedCredentials issued = cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow();
    assertThat(issued.authenticated()).isTrue();
    assertThat(issued.roleArn())
        .isEqualTo("arn:aws:iam::210987654321:role/Cognito_lambda_localAuth_Role");
  }

  // end::developer[]

  @Test
  void getIdWithoutLoginsIsRefusedAsByCognito(CognitoIdentityClient client, CognitoMock cognito) {
    assertThatThrownBy(() -> client.getId(r -> r.identityPoolId(cognito.defaultIdentityPoolId())))
        .isInstanceOfSatisfying(
            NotAuthorizedException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Unauthenticated access is not supported for this identity pool."));
  }

  @Test
  void theSameDeveloperUserIsTheSameIdentity(CognitoIdentityClient client, CognitoMock cognito) {
    String first = developerIdentity(client, cognito, "user-2");

    assertThat(developerIdentity(client, cognito, "user-2")).isEqualTo(first);
    assertThat(developerIdentity(client, cognito, "user-3")).isNotEqualTo(first);
  }

  private static String developerIdentity(
      CognitoIdentityClient client, CognitoMock cognito, String user) {
    return client
        .getOpenIdTokenForDeveloperIdentity(
            r ->
                r.identityPoolId(cognito.defaultIdentityPoolId())
                    .logins(Map.of("login.example.com", user)))
        .identityId();
  }
  // tag::developer[]
}
// end::developer[]
