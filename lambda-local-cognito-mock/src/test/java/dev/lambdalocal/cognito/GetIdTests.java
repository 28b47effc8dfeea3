package dev.lambdalocal.cognito;

import static dev.lambdalocal.cognito.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

class GetIdTests {

  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final String OPEN = "us-east-1:11111111-1111-4111-8111-111111111111";
  static final String CLOSED = "us-east-1:22222222-2222-4222-8222-222222222222";

  static CognitoMock cognito;
  static CognitoIdentityClient client;

  @BeforeAll
  static void start() {
    cognito =
        CognitoMock.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .identityPool(
                IdentityPool.builder()
                    .identityPoolId(OPEN)
                    .cognitoIdentityProvider(TestTokens.USER_POOL, TestTokens.CLIENT_ID)
                    .supportedLoginProvider("graph.facebook.com", "1234567890")
                    .build())
            .identityPool(
                IdentityPool.builder()
                    .identityPoolId(CLOSED)
                    .identityPoolName("closed")
                    .allowUnauthenticatedIdentities(false)
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
  void unauthenticatedGetIdGivesANewIdentityEachTime() {
    String first = client.getId(r -> r.identityPoolId(OPEN)).identityId();
    String second = client.getId(r -> r.identityPoolId(OPEN)).identityId();

    assertThat(first)
        .matches("us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void theSameUserPoolSubjectGetsTheSameIdentity() {
    String alice = TestTokens.idToken("alice-sub", NOW.minusSeconds(60));
    String aliceAgain = TestTokens.idToken("alice-sub", NOW.minusSeconds(30));
    String bob = TestTokens.idToken("bob-sub", NOW.minusSeconds(60));

    String first = getId(OPEN, Map.of(TestTokens.USER_POOL, alice));
    String second = getId(OPEN, Map.of(TestTokens.USER_POOL, aliceAgain));
    String other = getId(OPEN, Map.of(TestTokens.USER_POOL, bob));

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void theSameSocialTokenGetsTheSameIdentity() {
    String first = getId(OPEN, Map.of("graph.facebook.com", "EAAGm0PX4ZCpsBA-carol"));
    String second = getId(OPEN, Map.of("graph.facebook.com", "EAAGm0PX4ZCpsBA-carol"));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void aPoolWithoutUnauthenticatedAccessRefusesGetIdWithoutLogins() {
    assertAwsError(
        () -> client.getId(r -> r.identityPoolId(CLOSED)),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Unauthenticated access is not supported for this identity pool.");
  }

  @Test
  void anUnknownPoolIsNotFound() {
    String unknown = "us-east-1:33333333-3333-4333-8333-333333333333";
    assertAwsError(
        () -> client.getId(r -> r.identityPoolId(unknown)),
        ResourceNotFoundException.class,
        "ResourceNotFoundException",
        "IdentityPool '" + unknown + "' not found.");
  }

  @Test
  void aMalformedPoolIdFailsValidation() {
    assertAwsError(
        () -> client.getId(r -> r.identityPoolId("us-east-1_AbCdEfGhI")),
        CognitoIdentityException.class,
        "ValidationException",
        "1 validation error detected: Value 'us-east-1_AbCdEfGhI' at 'identityPoolId' failed to"
            + " satisfy constraint: Member must satisfy regular expression pattern:"
            + " [\\w-]+:[0-9a-f-]+");
  }

  @Test
  void validationReportsEveryViolation() {
    assertAwsError(
        () -> client.getId(r -> r.accountId("12ab").identityPoolId(null)),
        CognitoIdentityException.class,
        "ValidationException",
        "2 validation errors detected: Value '12ab' at 'accountId' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: \\d+; Value null at"
            + " 'identityPoolId' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void aProviderThePoolDoesNotSupportIsRefused() {
    assertAwsError(
        () -> getId(OPEN, Map.of("accounts.google.com", "token")),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Token is not from a supported provider of this identity pool.");
  }

  @Test
  void anIdTokenOfAnotherIssuerIsRefused() {
    String token =
        TestTokens.token(
            new JWTClaimsSet.Builder()
                .subject("alice-sub")
                .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")
                .audience(TestTokens.CLIENT_ID)
                .build());

    assertAwsError(
        () -> getId(OPEN, Map.of(TestTokens.USER_POOL, token)),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Invalid login token. Issuer doesn't match providerName");
  }

  @Test
  void anIdTokenOfAnotherAppClientIsRefused() {
    String token =
        TestTokens.token(
            new JWTClaimsSet.Builder()
                .subject("alice-sub")
                .issuer("https://" + TestTokens.USER_POOL)
                .audience("another-client")
                .build());

    assertAwsError(
        () -> getId(OPEN, Map.of(TestTokens.USER_POOL, token)),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Token is not from a supported provider of this identity pool.");
  }

  @Test
  void anAccessTokenLacksTheAudience() {
    String accessToken =
        TestTokens.token(
            new JWTClaimsSet.Builder()
                .subject("alice-sub")
                .issuer("https://" + TestTokens.USER_POOL)
                .claim("client_id", TestTokens.CLIENT_ID)
                .claim("token_use", "access")
                .build());

    assertAwsError(
        () -> getId(OPEN, Map.of(TestTokens.USER_POOL, accessToken)),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Invalid login token. Missing a required claim: aud");
  }

  @Test
  void anExpiredIdTokenIsRefusedAgainstTheMockClock() {
    String expired =
        TestTokens.token(
            new JWTClaimsSet.Builder()
                .subject("alice-sub")
                .issuer("https://" + TestTokens.USER_POOL)
                .audience(TestTokens.CLIENT_ID)
                .expirationTime(Date.from(NOW.minusSeconds(1)))
                .build());

    assertAwsError(
        () -> getId(OPEN, Map.of(TestTokens.USER_POOL, expired)),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Invalid login token. Token expired: "
            + NOW.getEpochSecond()
            + " >= "
            + (NOW.getEpochSecond() - 1));
  }

  @Test
  void aTokenThatIsNotAJwtIsRefused() {
    assertAwsError(
        () -> getId(OPEN, Map.of(TestTokens.USER_POOL, "not-a-jwt")),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Invalid login token. Not a valid OpenId Connect identity token.");
  }

  @Test
  void aCognitoTokenCannotBeAGetIdLogin() {
    assertAwsError(
        () -> getId(OPEN, Map.of("cognito-identity.amazonaws.com", "eyJ.eyJ.sig")),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Invalid login token. Can't pass in a Cognito token.");
  }

  @Test
  void loginsOfTwoIdentitiesConflict() {
    String dave = getId(OPEN, Map.of("graph.facebook.com", "dave-token"));
    String erin = getId(OPEN, Map.of(TestTokens.USER_POOL, TestTokens.idToken("erin-sub", NOW)));

    assertThat(erin).isNotEqualTo(dave);
    assertAwsError(
        () ->
            getId(
                OPEN,
                Map.of(
                    "graph.facebook.com",
                    "dave-token",
                    TestTokens.USER_POOL,
                    TestTokens.idToken("erin-sub", NOW))),
        ResourceConflictException.class,
        "ResourceConflictException",
        "Logins are already linked to a different identity.");
  }

  @Test
  void aSecondLoginIsLinkedToTheIdentityOfTheFirst() {
    String frank = getId(OPEN, Map.of("graph.facebook.com", "frank-token"));
    String linked =
        getId(
            OPEN,
            Map.of(
                "graph.facebook.com",
                "frank-token",
                TestTokens.USER_POOL,
                TestTokens.idToken("frank-sub", NOW)));
    String byUserPool =
        getId(OPEN, Map.of(TestTokens.USER_POOL, TestTokens.idToken("frank-sub", NOW)));

    assertThat(linked).isEqualTo(frank);
    assertThat(byUserPool).isEqualTo(frank);
    assertThat(client.describeIdentity(r -> r.identityId(frank)).logins())
        .containsExactly("graph.facebook.com", TestTokens.USER_POOL);
  }

  @Test
  void getIdOfTheMockItselfGoesThroughTheWire() {
    var identity = cognito.getId();

    assertThat(identity.identityPoolId()).isEqualTo(OPEN);
    assertThat(client.describeIdentity(r -> r.identityId(identity.identityId())).identityId())
        .isEqualTo(identity.identityId());
  }

  private static String getId(String poolId, Map<String, String> logins) {
    return client.getId(r -> r.identityPoolId(poolId).logins(logins)).identityId();
  }
}
