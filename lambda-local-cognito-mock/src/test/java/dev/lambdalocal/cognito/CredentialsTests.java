package dev.lambdalocal.cognito;

import static dev.lambdalocal.cognito.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetCredentialsForIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidIdentityPoolConfigurationException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

class CredentialsTests {

  static final Instant NOW = Instant.parse("2031-06-15T12:34:56Z");
  static final String POOL = "eu-west-1:44444444-4444-4444-8444-444444444444";

  static CognitoMock cognito;
  static CognitoIdentityClient client;

  @BeforeAll
  static void start() {
    cognito =
        CognitoMock.builder()
            .region("eu-west-1")
            .accountId("210987654321")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .identityPool(
                IdentityPool.builder()
                    .identityPoolId(POOL)
                    .identityPoolName("orders")
                    .cognitoIdentityProvider(
                        "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Orders", "ordersclient")
                    .build())
            .start();
    client = cognito.createClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    cognito.close();
  }

  @Test
  void unauthenticatedCredentialsAreAwsShapedAndExpireAnHourAfterTheClock() {
    String identityId = client.getId(r -> r.identityPoolId(POOL)).identityId();

    GetCredentialsForIdentityResponse response =
        client.getCredentialsForIdentity(r -> r.identityId(identityId));

    Credentials credentials = response.credentials();
    assertThat(response.identityId()).isEqualTo(identityId);
    assertThat(credentials.accessKeyId()).hasSize(20).matches("ASIA[A-Z0-9]{16}");
    assertThat(credentials.secretKey()).hasSize(40);
    assertThat(credentials.sessionToken()).isNotBlank();
    assertThat(credentials.expiration()).isEqualTo(NOW.plusSeconds(3600));
  }

  @Test
  void everyIssuedSetIsRememberedByAccessKeyId() {
    String identityId = client.getId(r -> r.identityPoolId(POOL)).identityId();
    Credentials credentials =
        client.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();

    IssuedCredentials issued = cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow();

    assertThat(issued.secretKey()).isEqualTo(credentials.secretKey());
    assertThat(issued.sessionToken()).isEqualTo(credentials.sessionToken());
    assertThat(issued.identityId()).isEqualTo(identityId);
    assertThat(issued.identityPoolId()).isEqualTo(POOL);
    assertThat(issued.accountId()).isEqualTo("210987654321");
    assertThat(issued.authenticated()).isFalse();
    assertThat(issued.authenticationType()).isEqualTo("unauthenticated");
    assertThat(issued.authenticationProvider()).isNull();
    assertThat(issued.roleArn())
        .isEqualTo("arn:aws:iam::210987654321:role/Cognito_ordersUnauth_Role");
    assertThat(issued.assumedRoleArn())
        .isEqualTo(
            "arn:aws:sts::210987654321:assumed-role/Cognito_ordersUnauth_Role/CognitoIdentityCredentials");
    assertThat(issued.amr()).containsExactly("unauthenticated");
    assertThat(issued.issuedAt()).isEqualTo(NOW);
    assertThat(issued.isExpiredAt(NOW.plusSeconds(3599))).isFalse();
    assertThat(issued.isExpiredAt(NOW.plusSeconds(3600))).isTrue();
    assertThat(issued.toString()).doesNotContain(credentials.secretKey());
    assertThat(cognito.issuedCredentials()).contains(issued);
    assertThat(cognito.issuedCredentials("ASIAAAAAAAAAAAAAAAAA")).isEmpty();
  }

  @Test
  void authenticatedCredentialsCarryTheUserPoolProvider() {
    String provider = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Orders";
    String token =
        TestTokens.token(
            new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("sub-1234")
                .issuer("https://" + provider)
                .audience("ordersclient")
                .build());
    Map<String, String> logins = Map.of(provider, token);
    String identityId = client.getId(r -> r.identityPoolId(POOL).logins(logins)).identityId();

    Credentials credentials =
        client
            .getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
            .credentials();

    IssuedCredentials issued = cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow();
    assertThat(issued.authenticated()).isTrue();
    assertThat(issued.roleArn())
        .isEqualTo("arn:aws:iam::210987654321:role/Cognito_ordersAuth_Role");
    assertThat(issued.amr())
        .containsExactly("authenticated", provider, provider + ":CognitoSignIn:sub-1234");
    assertThat(issued.authenticationProvider())
        .isEqualTo(provider + "," + provider + ":CognitoSignIn:sub-1234");
  }

  @Test
  void anAuthenticatedIdentityNeedsItsLogins() {
    String provider = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Orders";
    String token =
        TestTokens.token(
            new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("sub-5678")
                .issuer("https://" + provider)
                .audience("ordersclient")
                .build());
    String identityId =
        client.getId(r -> r.identityPoolId(POOL).logins(Map.of(provider, token))).identityId();

    assertAwsError(
        () -> client.getCredentialsForIdentity(r -> r.identityId(identityId)),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Access to Identity '" + identityId + "' is forbidden.");
  }

  @Test
  void anotherUsersLoginDoesNotMatch() {
    String provider = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Orders";
    String grace = userPoolToken(provider, "grace");
    String heidi = userPoolToken(provider, "heidi");
    String graceId =
        client.getId(r -> r.identityPoolId(POOL).logins(Map.of(provider, grace))).identityId();
    client.getId(r -> r.identityPoolId(POOL).logins(Map.of(provider, heidi)));

    assertAwsError(
        () ->
            client.getCredentialsForIdentity(
                r -> r.identityId(graceId).logins(Map.of(provider, heidi))),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Logins don't match. Please include at least one valid login for this identity or"
            + " identity pool.");
  }

  @Test
  void anUnknownIdentityIsNotFound() {
    String unknown = "eu-west-1:55555555-5555-4555-8555-555555555555";
    assertAwsError(
        () -> client.getCredentialsForIdentity(r -> r.identityId(unknown)),
        ResourceNotFoundException.class,
        "ResourceNotFoundException",
        "Identity '" + unknown + "' not found.");
  }

  @Test
  void aPoolWithoutRolesIsAnInvalidConfigurationUntilRolesAreSet() {
    String poolId =
        client
            .createIdentityPool(
                r -> r.identityPoolName("noroles").allowUnauthenticatedIdentities(true))
            .identityPoolId();
    String identityId = client.getId(r -> r.identityPoolId(poolId)).identityId();

    assertAwsError(
        () -> client.getCredentialsForIdentity(r -> r.identityId(identityId)),
        InvalidIdentityPoolConfigurationException.class,
        "InvalidIdentityPoolConfigurationException",
        "Invalid identity pool configuration. Check assigned IAM roles for this pool.");

    client.setIdentityPoolRoles(
        r ->
            r.identityPoolId(poolId)
                .roles(Map.of("unauthenticated", "arn:aws:iam::210987654321:role/Guest")));
    Credentials credentials =
        client.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
    assertThat(cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow().roleArn())
        .isEqualTo("arn:aws:iam::210987654321:role/Guest");
  }

  @Test
  void aCustomRoleIsUsedForAnAuthenticatedIdentity() {
    String provider = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Orders";
    Map<String, String> logins = Map.of(provider, userPoolToken(provider, "ivan"));
    String identityId = client.getId(r -> r.identityPoolId(POOL).logins(logins)).identityId();

    Credentials credentials =
        client
            .getCredentialsForIdentity(
                r ->
                    r.identityId(identityId)
                        .logins(logins)
                        .customRoleArn("arn:aws:iam::210987654321:role/Admins"))
            .credentials();

    assertThat(cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow().roleArn())
        .isEqualTo("arn:aws:iam::210987654321:role/Admins");
  }

  @Test
  void anUnauthenticatedIdentityBecomesAuthenticatedWhenALoginIsAdded() {
    String provider = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Orders";
    Map<String, String> logins = Map.of(provider, userPoolToken(provider, "judy"));
    String identityId = client.getId(r -> r.identityPoolId(POOL)).identityId();

    client.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins));

    assertThat(client.getId(r -> r.identityPoolId(POOL).logins(logins)).identityId())
        .isEqualTo(identityId);
    assertThat(client.describeIdentity(r -> r.identityId(identityId)).logins())
        .containsExactly(provider);
  }

  private static String userPoolToken(String provider, String sub) {
    return TestTokens.token(
        new com.nimbusds.jwt.JWTClaimsSet.Builder()
            .subject(sub)
            .issuer("https://" + provider)
            .audience("ordersclient")
            .build());
  }
}
