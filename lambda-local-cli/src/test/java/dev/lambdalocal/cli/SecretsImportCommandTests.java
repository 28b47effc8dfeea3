package dev.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.account.OfflineAccount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambda-local secrets import} into a secrets file and into a running offline account. */
class SecretsImportCommandTests {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LambdaLocalCli.commandLine(
            new ByteArrayInputStream(new byte[0]),
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args)
        .execute(args);
  }

  private static Path creds(Path dir) throws Exception {
    Path file = dir.resolve("dev_creds");
    Files.writeString(
        file, "# the old creds\nDB_PASSWORD=s3cr3t\nexport API_KEY=\"k3y\"\n\nEMPTY=\n");
    return file;
  }

  @Test
  void importsIntoARunningOfflineAccount(@TempDir Path dir) throws Exception {
    try (OfflineAccount account = OfflineAccount.builder().extensionPort(0).start()) {
      int status =
          run(
              "secrets",
              "import",
              creds(dir).toString(),
              "--prefix",
              "/app/dev",
              "--endpoint",
              account.endpoint().toString());
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(account.parameterStore().parameterValue("/app/dev/DB_PASSWORD"))
          .contains("s3cr3t");
      assertThat(account.parameterStore().parameterValue("/app/dev/API_KEY")).contains("k3y");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo("/app/dev/DB_PASSWORD\n/app/dev/API_KEY\n/app/dev/EMPTY\n")
          .doesNotContain("s3cr3t");
    }
  }

  @Test
  void writesASecretsFileTheAccountReads(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("secrets.json");
    assertThat(run("secrets", "import", creds(dir).toString(), "--to-file", json.toString()))
        .isZero();
    try (OfflineAccount account = OfflineAccount.builder().extensionPort(0).file(json).start()) {
      assertThat(account.parameterStore().parameterValue("/DB_PASSWORD")).contains("s3cr3t");
    }
  }

  @Test
  void aBadLineIsNamedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad_creds");
    Files.writeString(file, "A=1\nnot a pair\n");
    assertThat(run("secrets", "import", file.toString(), "--to-file", "x.json")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "lambda-local secrets import: " + file + ":2: expected KEY=value, got: not a pair\n");
  }
}
