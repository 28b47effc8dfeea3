package dev.lambdalocal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Execution environments minted before the account starts, as the command line's run needs. */
class EnvironmentBeforeStartTests {

  @Test
  void credentialsMintedBeforeStartAreAcceptedOnceStartedByTheEndpointAndTheExtension()
      throws Exception {
    OfflineAccount.Builder builder =
        OfflineAccount.builder()
            .extensionPort(0)
            .secret("prod/db-password", "s3cr3t")
            .serviceEndpoint("dynamodb", URI.create("http://127.0.0.1:8000"));
    Map<String, String> variables =
        builder.executionEnvironmentBeforeStart("early", URI.create("http://127.0.0.1:4566"), 4567);
    Map<String, String> other =
        OfflineAccount.builder()
            .executionEnvironmentBeforeStart("other", URI.create("http://127.0.0.1:4566"), 4567);

    assertThat(variables)
        .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")
        .containsEntry("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "4567");
    assertThat(variables.get("AWS_ACCESS_KEY_ID")).matches("ASIA[A-Z2-7]{16}");
    try (OfflineAccount account = builder.start();
        SecretsManagerClient early = client(account, variables);
        SecretsManagerClient stranger = client(account, other)) {
      assertThat(early.getSecretValue(r -> r.secretId("prod/db-password")).secretString())
          .isEqualTo("s3cr3t");
      assertThatThrownBy(() -> stranger.getSecretValue(r -> r.secretId("prod/db-password")))
          .as("credentials another builder minted")
          .isInstanceOfSatisfying(
              SecretsManagerException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("UnrecognizedClientException"));
      HttpResponse<String> extension =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + account.extensionPort()
                                  + "/secretsmanager/get?secretId=prod/db-password"))
                      .header("X-Aws-Parameters-Secrets-Token", variables.get("AWS_SESSION_TOKEN"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(extension.statusCode()).as(extension.body()).isEqualTo(200);
      assertThat(extension.body()).contains("\"SecretString\":\"s3cr3t\"");
    }
  }

  private static SecretsManagerClient client(OfflineAccount account, Map<String, String> env) {
    return SecretsManagerClient.builder()
        .endpointOverride(account.endpoint())
        .region(Region.US_EAST_1)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsSessionCredentials.create(
                    env.get("AWS_ACCESS_KEY_ID"),
                    env.get("AWS_SECRET_ACCESS_KEY"),
                    env.get("AWS_SESSION_TOKEN"))))
        .build();
  }
}
