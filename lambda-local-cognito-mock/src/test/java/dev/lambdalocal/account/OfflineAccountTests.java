package dev.lambdalocal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.ssm.ParameterType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The account's one endpoint, its SigV4 checks, and functions run with the account. */
class OfflineAccountTests {

  private static OfflineAccount account;

  @BeforeAll
  static void start() {
    account =
        OfflineAccount.builder()
            .extensionPort(0)
            .secret("app/db-password", "s3cr3t")
            .parameter("/app/api-key", ParameterType.SECURE_STRING, "k3y")
            .start();
  }

  @AfterAll
  static void stop() {
    account.close();
  }

  @Test
  void unmodifiedHandlerReadsOfflineSecretsThreeWaysAndNeverReachesAws() throws Exception {
    try (LocalLambda function =
        account
            .configure(
                LocalLambda.builder()
                    .handler(AwsReadingHandler.class)
                    // Building the first SDK clients of a JVM loads many classes.
                    .timeout(java.time.Duration.ofSeconds(60))
                    .quiet(true))
            .build()) {
      var invocation =
          function.invoke(Map.of("secret", "app/db-password", "parameter", "/app/api-key"));
      assertThat(invocation.error()).isEmpty();
      Map<?, ?> result = invocation.returnValue(Map.class);
      assertThat(result.get("sdkSecret")).isEqualTo("s3cr3t");
      assertThat(result.get("sdkParameter")).isEqualTo("k3y");
      String extensionSecret = (String) result.get("extensionSecret");
      assertThat(extensionSecret).startsWith("200 ");
      JsonNode secret = new ObjectMapper().readTree(extensionSecret.substring(4));
      assertThat(secret.get("SecretString").asText()).isEqualTo("s3cr3t");
      assertThat(secret.get("VersionStages").get(0).asText()).isEqualTo("AWSCURRENT");
      String extensionParameter = (String) result.get("extensionParameter");
      assertThat(extensionParameter).startsWith("200 ");
      assertThat(
              new ObjectMapper()
                  .readTree(extensionParameter.substring(4))
                  .get("Parameter")
                  .get("Value")
                  .asText())
          .isEqualTo("k3y");
      // DynamoDB is not served: the default client gets a local answer, not AWS's.
      assertThat((String) result.get("dynamodb"))
          .startsWith(
              "lambda-local's offline account does not serve X-Amz-Target DynamoDB_20120810.ListTables")
          .contains("nothing was sent to AWS");
    }
  }

  @Test
  void functionGetsEndpointAndMintedCredentials() {
    Map<String, String> variables = account.executionEnvironment("my-function");
    assertThat(variables.get("AWS_ENDPOINT_URL")).isEqualTo(account.endpoint().toString());
    assertThat(variables.get("AWS_ACCESS_KEY_ID")).matches("ASIA[A-Z2-7]{16}");
    assertThat(variables.get("AWS_SECRET_ACCESS_KEY")).hasSize(40);
    // The minted credentials sign requests the account accepts.
    try (SecretsManagerClient client =
        SecretsManagerClient.builder()
            .endpointOverride(account.endpoint())
            .region(Region.US_EAST_1)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(
                        variables.get("AWS_ACCESS_KEY_ID"),
                        variables.get("AWS_SECRET_ACCESS_KEY"),
                        variables.get("AWS_SESSION_TOKEN"))))
            .build()) {
      assertThat(client.getSecretValue(r -> r.secretId("app/db-password")).secretString())
          .isEqualTo("s3cr3t");
    }
  }

  @Test
  void unknownKeyAndWrongSecretAreRefusedAsAwsRefusesThem() {
    try (SecretsManagerClient unknown = client("AKIAUNKNOWNKEY000000", "x".repeat(40));
        SecretsManagerClient wrong = client(OfflineAccount.ACCESS_KEY_ID, "y".repeat(40))) {
      assertThatThrownBy(() -> unknown.listSecrets())
          .isInstanceOfSatisfying(
              SecretsManagerException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException");
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
              });
      assertThatThrownBy(() -> wrong.listSecrets())
          .isInstanceOfSatisfying(
              SecretsManagerException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("The request signature we calculated does not match");
              });
    }
  }

  @Test
  void serviceNotServedIsALocalError() {
    try (DynamoDbClient dynamo = account.client(DynamoDbClient.builder())) {
      assertThatThrownBy(dynamo::listTables)
          .isInstanceOfSatisfying(
              DynamoDbException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("LambdaLocalServiceNotServed");
                assertThat(e.awsErrorDetails().errorMessage())
                    .contains("(it serves cognito-identity, secretsmanager, ssm, lambda)");
              });
    }
  }

  @Test
  void cognitoCredentialsSignRequestsToOtherServices() {
    try (CognitoIdentityClient cognito = account.client(CognitoIdentityClient.builder())) {
      String pool = account.cognito().defaultIdentityPoolId();
      String identityId = cognito.getId(r -> r.identityPoolId(pool)).identityId();
      Credentials issued =
          cognito.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
      try (SecretsManagerClient secrets =
          SecretsManagerClient.builder()
              .endpointOverride(account.endpoint())
              .region(Region.US_EAST_1)
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsSessionCredentials.create(
                          issued.accessKeyId(), issued.secretKey(), issued.sessionToken())))
              .build()) {
        assertThat(secrets.getSecretValue(r -> r.secretId("app/db-password")).secretString())
            .isEqualTo("s3cr3t");
      }
    }
  }

  @Test
  void extensionRefusesRequestsWithoutTheSessionToken() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + account.extensionPort()
                                + "/secretsmanager/get?secretId=app/db-password"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("s3cr3t");
  }

  private static SecretsManagerClient client(String accessKeyId, String secretKey) {
    return SecretsManagerClient.builder()
        .endpointOverride(account.endpoint())
        .region(Region.US_EAST_1)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretKey)))
        .build();
  }
}
