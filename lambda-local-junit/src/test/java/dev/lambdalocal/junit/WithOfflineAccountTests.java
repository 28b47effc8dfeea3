package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.SecretFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** {@code @WithOfflineAccount}: declared secrets, injected account and clients, the function. */
@WithOfflineAccount(
    secrets = @Secret(name = "app/db-password", value = "s3cr3t"),
    parameters = @SsmParameter(name = "/app/key", value = "k3y", secure = true),
    extensionPort = 0)
@LambdaTest(handler = SecretFunction.class, timeout = "60s")
class WithOfflineAccountTests {

  @Test
  void functionReadsTheDeclaredSecretWithADefaultClient(LocalLambda lambda) {
    assertThat(lambda.invoke("app/db-password").returnValue(String.class)).isEqualTo("s3cr3t");
  }

  @Test
  void injectsTheAccountAndClientsOfIt(OfflineAccount account, SecretsManagerClient secrets) {
    assertThat(secrets.getSecretValue(r -> r.secretId("app/db-password")).secretString())
        .isEqualTo("s3cr3t");
    assertThat(account.parameterStore().parameterValue("/app/key")).contains("k3y");
    secrets.putSecretValue(r -> r.secretId("app/db-password").secretString("rotated"));
    assertThat(account.secretsManager().secretString("app/db-password")).contains("rotated");
    secrets.putSecretValue(r -> r.secretId("app/db-password").secretString("s3cr3t"));
  }

  @Test
  void aMissingFileFailsTheClassNamingIt() {
    Throwable failure = Kit.onlyFailure(Kit.run(MissingFile.class));
    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@WithOfflineAccount on "
                + MissingFile.class.getName()
                + ": no-such-secrets.json:"
                + " secrets file not found");
  }

  @Test
  void readsTheFileFormat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secrets.json");
    Files.writeString(
        file,
        "{\"secrets\": {\"s\": \"v\"},"
            + " \"parameters\": {\"/p\": \"x\", \"/q\": {\"type\": \"SecureString\", \"value\": \"y\"}}}");
    try (OfflineAccount account = OfflineAccount.builder().extensionPort(0).file(file).start();
        SsmClient ssm = account.client(SsmClient.builder())) {
      assertThat(account.secretsManager().secretString("s")).contains("v");
      assertThat(ssm.getParameter(r -> r.name("/q")).parameter().typeAsString())
          .isEqualTo("SecureString");
      assertThat(ssm.getParameter(r -> r.name("/p")).parameter().value()).isEqualTo("x");
    }
  }

  @WithOfflineAccount(file = "no-such-secrets.json", extensionPort = 0)
  static class MissingFile {
    @Test
    void needsTheAccount(OfflineAccount account) {}
  }
}
