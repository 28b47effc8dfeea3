package dev.lambdalocal.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRulesTests {

  // Assembled at run time so that this source file holds nothing a secret scanner would flag.
  private static final String KEY_ID = "AKIA" + "Q3EGRFAKE7NOTREA";
  private static final String SECRET = "kZ8x/" + "Fake+Secret0Access1Key2Not3Real4Abc";
  private static final String PEM_KEY =
      "-----BEGIN " + "PRIVATE KEY-----\nMIIBVQIBADANBg==\n-----END " + "PRIVATE KEY-----\n";
  private static final String PEM_CERT =
      "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAw==\n-----END CERTIFICATE-----\n";

  @TempDir Path dir;

  @Test
  void dotenvFiles() throws IOException {
    assertRefused("config/.env", "API_KEY=x\n", SecretRule.DOTENV);
    assertRefused(".env.production", "API_KEY=x\n", SecretRule.DOTENV);
    assertAccepted(".env.example", "API_KEY=\n");
  }

  @Test
  void credentialModules() throws IOException {
    assertRefused("scripts/env.py", "PASSWORD = 'x'\n", SecretRule.CREDENTIAL_MODULE);
    assertRefused("secrets.py", "TOKEN = 'x'\n", SecretRule.CREDENTIAL_MODULE);
  }

  @Test
  void privateKeys() throws IOException {
    assertRefused("tls/server.key", "binary", SecretRule.PRIVATE_KEY);
    assertRefused("tls/server.pem", PEM_CERT + PEM_KEY, SecretRule.PRIVATE_KEY);
    assertRefused("config/settings.yaml", "key: |\n" + PEM_KEY, SecretRule.PRIVATE_KEY);
    assertAccepted("tls/ca-bundle.pem", PEM_CERT + PEM_CERT);
  }

  @Test
  void pkcs12KeyStores() throws IOException {
    assertRefused("keystore.p12", "\u0030\u0082", SecretRule.PKCS12);
    assertRefused("client.PFX", "\u0030\u0082", SecretRule.PKCS12);
  }

  @Test
  void awsCredentialsFiles() throws IOException {
    assertRefused(".aws/credentials", "[default]\n", SecretRule.AWS_CREDENTIALS_FILE);
    assertRefused(
        "aws.ini",
        "[deploy]\nAWS_SECRET_ACCESS_KEY = x\nregion = eu-west-1\n",
        SecretRule.AWS_CREDENTIALS_FILE);
  }

  @Test
  void awsAccessKeyPairs() throws IOException {
    assertRefused(
        "application.properties",
        "aws.key=" + KEY_ID + "\naws.secret=" + SECRET + "\n",
        SecretRule.AWS_ACCESS_KEY);
    // AWS's documented example pair, a lone key id, and a key id beside a hex digest are no
    // secrets.
    assertAccepted(
        "docs.txt",
        "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
            + KEY_ID
            + " 3f786850e387550fdab836ed7e6dc881de23001b\n");
  }

  @Test
  void everyFindingIsNamedAndSecretsInsideDependenciesToo() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve(".env"), "A=b\n");
    Files.writeString(classes.resolve("env.py"), "A='b'\n");
    Path dependency =
        FunctionPackageTests.jar(dir.resolve("dep.jar"), "META-INF/test.key", "x", "ok.txt", "x");
    Path zip = dir.resolve("function.zip");

    PackagingException refused =
        catchThrowableOfType(
            () ->
                FunctionPackage.builder()
                    .classes(classes)
                    .dependencies(List.of(dependency))
                    .output(zip)
                    .build(),
            PackagingException.class);

    assertThat(refused.findings())
        .containsExactly(
            new SecretFinding(".env", SecretRule.DOTENV),
            new SecretFinding("env.py", SecretRule.CREDENTIAL_MODULE),
            new SecretFinding("lib/dep.jar!/META-INF/test.key", SecretRule.PRIVATE_KEY));
    assertThat(refused.getMessage().lines())
        .containsExactly(
            "Refused to package " + zip + ": 3 entries look like a secret",
            ".env: a .env file of environment variables (rule dotenv); if it must ship, allow it by"
                + " name: allowSecret(\".env\"), Maven"
                + " <allowSecrets><allowSecret>.env</allowSecret></allowSecrets>, or lambda-local"
                + " package --allow-secret '.env'",
            new SecretFinding("env.py", SecretRule.CREDENTIAL_MODULE).message(),
            new SecretFinding("lib/dep.jar!/META-INF/test.key", SecretRule.PRIVATE_KEY).message());
    assertThat(zip).doesNotExist();
  }

  @Test
  void allowedEntriesShipAndAreReported() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes/tls"));
    Files.writeString(classes.resolve("test.key"), "x");
    Files.writeString(classes.resolve("test.p12"), "x");

    FunctionPackage written =
        FunctionPackage.builder()
            .classes(dir.resolve("classes"))
            .allowSecret("tls/*")
            .output(dir.resolve("allowed.zip"))
            .build();

    assertThat(written.entries()).contains("tls/test.key", "tls/test.p12");
    assertThat(written.allowedSecrets())
        .containsExactly(
            new SecretFinding("tls/test.key", SecretRule.PRIVATE_KEY),
            new SecretFinding("tls/test.p12", SecretRule.PKCS12));
  }

  private void assertRefused(String entry, String content, SecretRule rule) throws IOException {
    PackagingException refused =
        catchThrowableOfType(() -> build(entry, content), PackagingException.class);
    assertThat(refused).as("%s refused", entry).isNotNull();
    assertThat(refused.findings()).containsExactly(new SecretFinding(entry, rule));
    assertThat(build(entry, content, entry).allowedSecrets())
        .containsExactly(new SecretFinding(entry, rule));
  }

  private void assertAccepted(String entry, String content) throws IOException {
    assertThat(build(entry, content).entries()).contains(entry);
  }

  private FunctionPackage build(String entry, String content, String... allowed)
      throws IOException {
    Path classes = Files.createTempDirectory(dir, "classes");
    Path file = classes.resolve(entry);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    FunctionPackage.Builder builder =
        FunctionPackage.builder().classes(classes).output(classes.resolveSibling("out.zip"));
    for (String allow : allowed) {
      builder.allowSecret(allow);
    }
    return builder.build();
  }
}
