package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IssuedCredentials;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.ContextEcho;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityResponse;

/**
 * {@code @WithCognitoMock} with {@code @LambdaTest}: the tests' identities are real identities of
 * the mock, and the mock, its endpoint and an SDK client are injected.
 */
// tag::class[]
@WithCognitoMock
@LambdaTest(handler = ContextEcho.class, method = "describe", region = "eu-west-1")
class WithCognitoMockTests {
  // end::class[]

  // tag::identity[]
  @Test
  void theTestsIdentityIsARealIdentityOfTheMock(
      Identity caller, CognitoMock cognito, CognitoIdentityClient client) {
    assertThat(caller.identityPoolId()).isEqualTo(cognito.defaultIdentityPoolId());

    DescribeIdentityResponse described =
        client.describeIdentity(r -> r.identityId(caller.identityId()));

    assertThat(described.identityId()).isEqualTo(caller.identityId());
  }

  // end::identity[]

  // tag::credentials[]
  @Test
  void credentialsForTheTestsIdentity(
      Identity caller, CognitoIdentityClient client, CognitoMock cognito) {
    Credentials credentials =
        client.getCredentialsForIdentity(r -> r.identityId(caller.identityId())).credentials();

    assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
    assertThat(credentials.secretKey()).hasSize(40);
    assertThat(credentials.expiration())
        .isCloseTo(Instant.now().plus(1, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
    IssuedCredentials issued = cognito.issuedCredentials(credentials.accessKeyId()).orElseThrow();
    assertThat(issued.identityId()).isEqualTo(caller.identityId());
  }

  // end::credentials[]

  // tag::invoke[]
  @Test
  void theHandlerSeesTheIdentity(LocalLambda lambda, InvokeOptions asCaller, Identity caller) {
    Map<?, ?> answer = lambda.invokeJson("{}", asCaller).returnValue(Map.class);

    assertThat(answer.get("identityId")).isEqualTo(caller.identityId());
    assertThat(answer.get("identityPoolId")).isEqualTo(caller.identityPoolId());
  }

  // end::invoke[]

  @Test
  void theContextAndTheEventsCarryTheSameIdentity(
      Context context,
      @Event("events/api-request.json") APIGatewayProxyRequestEvent request,
      Identity caller,
      CognitoMock cognito) {
    assertThat(context.getIdentity().getIdentityId()).isEqualTo(caller.identityId());
    assertThat(context.getIdentity().getIdentityPoolId())
        .isEqualTo(cognito.defaultIdentityPoolId());
    assertThat(request.getRequestContext().getIdentity().getCognitoIdentityId())
        .isEqualTo(caller.identityId());
    assertThat(request.getRequestContext().getIdentity().getCognitoIdentityPoolId())
        .isEqualTo(cognito.defaultIdentityPoolId());
  }

  @Test
  void theMockTakesTheFunctionsRegionAndAPoolIdThatIsTheSameOnEveryRun(CognitoMock cognito) {
    assertThat(cognito.region()).isEqualTo("eu-west-1");
    assertThat(cognito.accountId()).isEqualTo(CognitoMock.DEFAULT_ACCOUNT_ID);
    // UUID.nameUUIDFromBytes("lambda-local 123456789012 eu-west-1"): documented as stable.
    assertThat(cognito.defaultIdentityPoolId())
        .isEqualTo("eu-west-1:1d48d1dd-f790-3a5b-8a24-3cca6a9b7566");
    assertThat(cognito.identityPools())
        .singleElement()
        .satisfies(pool -> assertThat(pool.allowUnauthenticatedIdentities()).isTrue());
  }

  // tag::endpoint[]
  @Test
  void anyClientCanUseTheEndpoint(@CognitoEndpoint URI endpoint, CognitoMock cognito) {
    assertThat(endpoint.toString()).startsWith("http://127.0.0.1:");

    try (CognitoIdentityClient own =
        CognitoIdentityClient.builder()
            .endpointOverride(endpoint)
            .region(Region.EU_WEST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      String identityId =
          own.getId(r -> r.identityPoolId(cognito.defaultIdentityPoolId())).identityId();

      assertThat(identityId).startsWith("eu-west-1:");
    }
  }
  // end::endpoint[]
  // tag::class[]
}
// end::class[]
