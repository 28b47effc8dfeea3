package dev.lambdalocal.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.lambdalocal.core.Identity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/** The snippets of docs/cognito.md, compiled and run: keep the two in step. */
class DocsExamplesTests {

  @Test
  void startInThreeLines() {
    // docs/cognito.md#start
    try (CognitoMock cognito = CognitoMock.builder().start();
        CognitoIdentityClient client = cognito.createClient()) {
      String identityId =
          client.getId(r -> r.identityPoolId(cognito.defaultIdentityPoolId())).identityId();

      assertThat(identityId).startsWith("us-east-1:");
    }
  }

  @Test
  void configureThePoolsAndTheClock() {
    // docs/cognito.md#configure
    try (CognitoMock cognito =
        CognitoMock.builder()
            .region("eu-west-1")
            .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
            .identityPool(
                IdentityPool.builder()
                    .identityPoolId("eu-west-1:0a1b2c3d-1111-4222-8333-444455556666")
                    .identityPoolName("orders")
                    .allowUnauthenticatedIdentities(false)
                    .cognitoIdentityProvider(
                        "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123",
                        "3n4b5urk1ft4fl3mg5e62d9ado")
                    .developerProviderName("login.example.com")
                    .build())
            .start()) {
      assertThat(cognito.identityPool("eu-west-1:0a1b2c3d-1111-4222-8333-444455556666"))
          .hasValueSatisfying(
              pool ->
                  assertThat(pool.authenticatedRoleArn())
                      .isEqualTo("arn:aws:iam::123456789012:role/Cognito_ordersAuth_Role"));
    }
  }

  @Test
  void pointYourOwnSdkClientAtTheMock() {
    try (CognitoMock cognito = CognitoMock.builder().start()) {
      // docs/cognito.md#sdk
      CognitoIdentityClient client =
          CognitoIdentityClient.builder()
              .endpointOverride(cognito.endpoint())
              .region(Region.of(cognito.region()))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build();

      try (client) {
        String identityId =
            client.getId(r -> r.identityPoolId(cognito.defaultIdentityPoolId())).identityId();
        Credentials credentials =
            client.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();

        // docs/cognito.md#issued
        IssuedCredentials issued =
            cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow();
        assertThat(issued.identityId()).isEqualTo(identityId);
        assertThat(issued.authenticationType()).isEqualTo("unauthenticated");
      }
    }
  }

  @Test
  void verifyAnOpenIdTokenWithNimbus() throws Exception {
    try (CognitoMock cognito = CognitoMock.builder().start();
        CognitoIdentityClient client = cognito.createClient()) {
      Identity identity = cognito.getId();
      String token = client.getOpenIdToken(r -> r.identityId(identity.identityId())).token();

      // docs/cognito.md#tokens
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("JWS")));
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              JWSAlgorithm.RS512, JWKSourceBuilder.create(cognito.jwksUri().toURL()).build()));
      JWTClaimsSet claims = processor.process(token, null);

      assertThat(claims.getSubject()).isEqualTo(identity.identityId());
      assertThat(claims.getStringListClaim("amr")).containsExactly("unauthenticated");
    }
  }

  @Test
  void cacheAnIdentityPerEnvironment(@TempDir Path projectRoot) {
    IdentityPool pool =
        IdentityPool.builder()
            .identityPoolId("us-east-1:0a1b2c3d-1111-4222-8333-444455556666")
            .build();
    Identity first;
    try (CognitoMock cognito = CognitoMock.builder().identityPool(pool).start()) {
      first = cognito.cachedIdentity(IdentityCache.in(projectRoot), "dev");
    }

    // docs/cognito.md#cache
    try (CognitoMock cognito = CognitoMock.builder().identityPool(pool).start()) {
      Identity identity = cognito.cachedIdentity(IdentityCache.in(projectRoot), "dev");

      assertThat(identity).isEqualTo(first);
    }
  }
}
