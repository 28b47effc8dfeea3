package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.CachedIdentity;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.WithCognitoMock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * Tests {@link WhoAmIFunc} with an offline Cognito: each test's caller is a real identity of the
 * mock (a {@code GetId} against it), so the same identity reaches the handler and gets credentials
 * from {@code GetCredentialsForIdentity}.
 */
@WithCognitoMock
@LambdaTest(handler = WhoAmIFunc.class)
class WhoAmIFuncTests {

  @Test
  void answersWithTheCallersCognitoIdentity(
      LocalLambda lambda, InvokeOptions asCaller, Identity caller, CognitoIdentityClient cognito) {
    APIGatewayProxyResponseEvent response =
        lambda.invokeJson("{}", asCaller).returnValue(APIGatewayProxyResponseEvent.class);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody())
        .isEqualTo(
            "{\"identityId\":\""
                + caller.identityId()
                + "\",\"identityPoolId\":\""
                + caller.identityPoolId()
                + "\"}");
    // The caller is an identity Cognito knows, not just an id of the right shape.
    assertThat(cognito.describeIdentity(r -> r.identityId(caller.identityId())).identityId())
        .isEqualTo(caller.identityId());
  }

  @Test
  void theCallerGetsAwsShapedCredentials(Identity caller, CognitoIdentityClient cognito) {
    Credentials credentials =
        cognito.getCredentialsForIdentity(r -> r.identityId(caller.identityId())).credentials();

    assertThat(credentials.accessKeyId()).hasSize(20).matches("ASIA[A-Z0-9]{16}");
    assertThat(credentials.secretKey()).hasSize(40);
    assertThat(credentials.sessionToken()).isNotBlank();
    assertThat(credentials.expiration())
        .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(1, ChronoUnit.MINUTES));
  }

  @Test
  void aCallerWithoutCognitoIdentityIsForbidden(LocalLambda lambda) {
    APIGatewayProxyResponseEvent response =
        lambda.invokeJson("{}").returnValue(APIGatewayProxyResponseEvent.class);

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(response.getBody()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  /**
   * The {@code dev} identity is kept in {@code target/.lambda-local/identity_dev.json} (see {@code
   * junit-platform.properties}): every lookup, in this run or the next, gives the same identity.
   */
  @Test
  @CachedIdentity("dev")
  void theDevIdentityIsTheSameOnEveryLookup(
      Identity caller, CognitoMock cognito, LocalLambda lambda, InvokeOptions asCaller) {
    Identity lookedUpAgain = cognito.cachedIdentity(IdentityCache.in(Path.of("target")), "dev");

    assertThat(lookedUpAgain).isEqualTo(caller);
    assertThat(Path.of("target/.lambda-local/identity_dev.json")).exists();
    assertThat(lambda.invokeJson("{}", asCaller).returnValue(APIGatewayProxyResponseEvent.class))
        .extracting(APIGatewayProxyResponseEvent::getBody)
        .asString()
        .contains(caller.identityId());
  }
}
