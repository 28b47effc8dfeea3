package dev.lambdalocal.cognito;

import static dev.lambdalocal.cognito.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.DeveloperUserAlreadyRegisteredException;
import software.amazon.awssdk.services.cognitoidentity.model.GetOpenIdTokenForDeveloperIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

class OpenIdTokenTests {

  static final String POOL = "us-east-1:66666666-6666-4666-8666-666666666666";
  static final String DEVELOPER = "login.lambdalocal.dev";

  static MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  static CognitoMock cognito;
  static CognitoIdentityClient client;

  @BeforeAll
  static void start() {
    cognito =
        CognitoMock.builder()
            .clock(clock)
            .identityPool(
                IdentityPool.builder()
                    .identityPoolId(POOL)
                    .developerProviderName(DEVELOPER)
                    .build())
            .start();
    client = cognito.createClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    cognito.close();
  }

  /** Verify a token as a service would: signature from the JWKS over HTTP, then the claims. */
  static JWTClaimsSet verify(String token, String identityId) throws Exception {
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(cognito.jwksUri().toURL()).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    // Cognito Identity types its tokens "JWS", which Nimbus does not accept by default.
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("JWS")));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS512, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            POOL,
            new JWTClaimsSet.Builder()
                .issuer("https://cognito-identity.amazonaws.com")
                .subject(identityId)
                .build(),
            Set.of("exp", "iat", "amr")));
    return processor.process(token, null);
  }

  @Test
  void anUnauthenticatedTokenVerifiesAgainstTheJwksAndHasCognitosClaims() throws Exception {
    String identityId = client.getId(r -> r.identityPoolId(POOL)).identityId();

    String token = client.getOpenIdToken(r -> r.identityId(identityId)).token();

    JWTClaimsSet claims = verify(token, identityId);
    assertThat(claims.getStringListClaim("amr")).containsExactly("unauthenticated");
    assertThat(claims.getAudience()).containsExactly(POOL);
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(600));
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS512);
    assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("JWS"));
    assertThat(jwt.getHeader().getKeyID()).startsWith("us-east-1-");
  }

  @Test
  void aTokenOfAnotherMockDoesNotVerify() throws Exception {
    String token;
    String identityId;
    try (CognitoMock other =
            CognitoMock.builder()
                .identityPool(IdentityPool.builder().identityPoolId(POOL).build())
                .start();
        CognitoIdentityClient otherClient = other.createClient()) {
      identityId = otherClient.getId(r -> r.identityPoolId(POOL)).identityId();
      token = otherClient.getOpenIdToken(r -> r.identityId(identityId)).token();
    }

    assertThatThrownBy(() -> verify(token, identityId)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void aDeveloperIdentityKeepsItsIdAndGetsCognitosAmr() throws Exception {
    GetOpenIdTokenForDeveloperIdentityResponse first =
        client.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(POOL).logins(Map.of(DEVELOPER, "user-42")));
    GetOpenIdTokenForDeveloperIdentityResponse second =
        client.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(POOL).logins(Map.of(DEVELOPER, "user-42")).tokenDuration(60L));

    assertThat(second.identityId()).isEqualTo(first.identityId());
    JWTClaimsSet claims = verify(first.token(), first.identityId());
    assertThat(claims.getStringListClaim("amr"))
        .containsExactly("authenticated", DEVELOPER, DEVELOPER + ":" + POOL + ":user-42");
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(900));
    assertThat(verify(second.token(), second.identityId()).getExpirationTime().toInstant())
        .isEqualTo(clock.instant().plusSeconds(60));
  }

  @Test
  void aDeveloperTokenBuysAuthenticatedCredentials() {
    GetOpenIdTokenForDeveloperIdentityResponse developer =
        client.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(POOL).logins(Map.of(DEVELOPER, "user-43")));

    Credentials credentials =
        client
            .getCredentialsForIdentity(
                r ->
                    r.identityId(developer.identityId())
                        .logins(Map.of("cognito-identity.amazonaws.com", developer.token())))
            .credentials();

    IssuedCredentials issued = cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow();
    assertThat(issued.authenticated()).isTrue();
    assertThat(issued.amr())
        .containsExactly("authenticated", DEVELOPER, DEVELOPER + ":" + POOL + ":user-43");
    assertAwsError(
        () -> client.getCredentialsForIdentity(r -> r.identityId(developer.identityId())),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Access to Identity '" + developer.identityId() + "' is forbidden.");
  }

  @Test
  void anExpiredCognitoTokenIsRefused() {
    GetOpenIdTokenForDeveloperIdentityResponse developer =
        client.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(POOL).logins(Map.of(DEVELOPER, "user-44")).tokenDuration(1L));
    Instant expiry = clock.instant().plusSeconds(1);
    clock.advance(Duration.ofSeconds(1));

    assertAwsError(
        () ->
            client.getCredentialsForIdentity(
                r ->
                    r.identityId(developer.identityId())
                        .logins(Map.of("cognito-identity.amazonaws.com", developer.token()))),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Invalid login token. Token expired: "
            + clock.instant().getEpochSecond()
            + " >= "
            + expiry.getEpochSecond());
  }

  @Test
  void anotherIdentitysTokenDoesNotMatch() {
    String mallory =
        client
            .getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(POOL).logins(Map.of(DEVELOPER, "mallory")))
            .token();
    String victim = client.getId(r -> r.identityPoolId(POOL)).identityId();

    assertAwsError(
        () ->
            client.getCredentialsForIdentity(
                r ->
                    r.identityId(victim).logins(Map.of("cognito-identity.amazonaws.com", mallory))),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "Logins don't match. Please include at least one valid login for this identity or"
            + " identity pool.");
  }

  @Test
  void aProviderOtherThanThePoolsDeveloperProviderIsRefused() {
    assertAwsError(
        () ->
            client.getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(POOL).logins(Map.of("login.other.dev", "user-1"))),
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "This identity pool does not support the specified developer provider");
  }

  @Test
  void aDeveloperUserOfAnotherIdentityCannotBeLinked() {
    String owner =
        client
            .getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(POOL).logins(Map.of(DEVELOPER, "user-45")))
            .identityId();
    String other = client.getId(r -> r.identityPoolId(POOL)).identityId();

    assertThat(other).isNotEqualTo(owner);
    assertAwsError(
        () ->
            client.getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(POOL).identityId(other).logins(Map.of(DEVELOPER, "user-45"))),
        DeveloperUserAlreadyRegisteredException.class,
        "DeveloperUserAlreadyRegisteredException",
        "The provided developer user identifier is already registered with Cognito under a"
            + " different identity ID.");
  }

  @Test
  void aDeveloperUserIsLinkedToAGivenIdentity() {
    String identityId = client.getId(r -> r.identityPoolId(POOL)).identityId();

    String linked =
        client
            .getOpenIdTokenForDeveloperIdentity(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(identityId)
                        .logins(Map.of(DEVELOPER, "user-46")))
            .identityId();

    assertThat(linked).isEqualTo(identityId);
    assertThat(client.describeIdentity(r -> r.identityId(identityId)).logins())
        .containsExactly(DEVELOPER);
  }

  @Test
  void aTokenDurationOutOfRangeFailsValidation() {
    assertAwsError(
        () ->
            client.getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(POOL).logins(Map.of(DEVELOPER, "u")).tokenDuration(86401L)),
        CognitoIdentityException.class,
        "ValidationException",
        "1 validation error detected: Value '86401' at 'tokenDuration' failed to satisfy"
            + " constraint: Member must have value less than or equal to 86400");
  }
}
