package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.core.internal.env.LambdaVariables;
import dev.lambdalocal.junit.handlers.AccountProbe;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Without {@code @WithOfflineAccount}, a function runs with the run's empty on-demand account
 * ({@link LambdaTest#ACCOUNT_KEY}): its default-built SDK clients reach loopback, never AWS.
 */
@LambdaTest(handler = AccountProbe.class, timeout = "60s")
class DefaultAccountTests {

  @Test
  void aDefaultClientReachesTheEmptyLocalAccount(LocalLambda lambda) {
    @SuppressWarnings("unchecked")
    Map<String, String> answer = lambda.invoke("app/db-password").returnValue(Map.class);

    assertThat(answer.get("endpoint")).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(answer.get("accessKeyId"))
        .startsWith("ASIA")
        .isNotEqualTo(LambdaVariables.ACCESS_KEY_ID);
    assertThat(answer.get("extensionPort")).matches("\\d+");
    // AWS's own text for a secret that does not exist (the GetSecretValue API reference).
    assertThat(answer.get("secret"))
        .isEqualTo("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
  }

  @Test
  void noneGivesTheDummyCredentialsAndNoEndpoint() {
    EngineExecutionResults results =
        Kit.run(WithoutAccount.class, Map.of(LambdaTest.ACCOUNT_KEY, "none"));

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @Test
  void onDemandIsTheDefaultByName() {
    EngineExecutionResults results =
        Kit.run(WithTheAccount.class, Map.of(LambdaTest.ACCOUNT_KEY, "on-demand"));

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @Test
  void aLocalLambdaExtensionFunctionGetsTheAccountToo() {
    EngineExecutionResults results = Kit.run(Registered.class);

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @Test
  void aBadValueNamesTheParameter() {
    Throwable failure =
        Kit.onlyFailure(Kit.run(WithTheAccount.class, Map.of(LambdaTest.ACCOUNT_KEY, "aws")));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "configuration parameter lambdalocal.account.default = \"aws\":"
                + " expected on-demand or none");
  }

  @LambdaTest(handler = AccountProbe.class, timeout = "60s")
  static class WithoutAccount {
    @Test
    void seesTheDummyCredentials(LocalLambda lambda) {
      @SuppressWarnings("unchecked")
      Map<String, String> answer = lambda.invoke("app/db-password").returnValue(Map.class);

      assertThat(answer.get("endpoint")).isNull();
      assertThat(answer.get("extensionPort")).isNull();
      assertThat(answer.get("accessKeyId")).isEqualTo(LambdaVariables.ACCESS_KEY_ID);
      assertThat(answer.get("secret")).isEqualTo("not called: no loopback endpoint");
    }
  }

  static class Registered {
    @RegisterExtension
    static final LocalLambdaExtension FUNCTION =
        LocalLambdaExtension.builder()
            .handler(AccountProbe.class)
            .timeout(Duration.ofSeconds(60))
            .build();

    @Test
    void reachesTheLocalAccount(LocalLambda lambda) {
      @SuppressWarnings("unchecked")
      Map<String, String> answer = lambda.invoke("missing").returnValue(Map.class);

      assertThat(answer.get("endpoint")).startsWith("http://127.0.0.1:");
      assertThat(answer.get("secret"))
          .isEqualTo("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    }
  }

  @LambdaTest(handler = AccountProbe.class, timeout = "60s")
  static class WithTheAccount {
    @Test
    void reachesTheLocalAccount(LocalLambda lambda) {
      @SuppressWarnings("unchecked")
      Map<String, String> answer = lambda.invoke("missing").returnValue(Map.class);

      assertThat(answer.get("endpoint")).startsWith("http://127.0.0.1:");
      assertThat(answer.get("secret"))
          .isEqualTo("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    }
  }
}
