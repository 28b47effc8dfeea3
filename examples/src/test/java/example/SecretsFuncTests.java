package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.Secret;
import dev.lambdalocal.junit.SsmParameter;
import dev.lambdalocal.junit.WithOfflineAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

// The extension's API on a free port: parallel builds on one machine never meet on 2773.
@WithOfflineAccount(
    secrets = @Secret(name = "prod/db-password", value = "s3cr3t"),
    parameters = @SsmParameter(name = "/prod/api-key", value = "k3y", secure = true),
    extensionPort = 0)
@LambdaTest(handler = SecretsFunc.class, timeout = "30s")
class SecretsFuncTests {

  @Test
  void readsTheSecretThreeWays(LocalLambda lambda) {
    @SuppressWarnings("unchecked")
    Map<String, String> values =
        lambda
            .invoke(Map.of("secretId", "prod/db-password", "parameter", "/prod/api-key"))
            .returnValue(Map.class);
    assertThat(values.get("sdkSecret")).isEqualTo("s3cr3t");
    assertThat(values.get("sdkParameter")).isEqualTo("k3y");
    assertThat(values.get("extensionSecret")).contains("\"SecretString\":\"s3cr3t\"");
  }
}
