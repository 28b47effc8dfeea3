package dev.lambdalocal.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.account.OfflineAccount;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets Manager's error cases for every operation, through the offline account's one endpoint
 * with SDK v2. Texts are AWS's (sources in SecretsErrors and SecretOperations).
 */
class SecretsManagerErrorTests {

  private static OfflineAccount account;
  private static SecretsManagerClient client;

  @BeforeAll
  static void start() {
    account = OfflineAccount.builder().extensionPort(0).start();
    client = account.client(SecretsManagerClient.builder());
  }

  @AfterAll
  static void stop() {
    client.close();
    account.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private static Named<Consumer<String>> operation(String name, Consumer<String> call) {
    return Named.of(name, call);
  }

  static Stream<Named<Consumer<String>>> everyOperationOnASecret() {
    return Stream.of(
        operation("GetSecretValue", id -> client.getSecretValue(r -> r.secretId(id))),
        operation(
            "PutSecretValue", id -> client.putSecretValue(r -> r.secretId(id).secretString("x"))),
        operation("UpdateSecret", id -> client.updateSecret(r -> r.secretId(id).description("x"))),
        operation("DescribeSecret", id -> client.describeSecret(r -> r.secretId(id))),
        operation("DeleteSecret", id -> client.deleteSecret(r -> r.secretId(id))),
        operation("RestoreSecret", id -> client.restoreSecret(r -> r.secretId(id))));
  }

  @ParameterizedTest
  @MethodSource("everyOperationOnASecret")
  void unknownSecretIsResourceNotFound(Consumer<String> operation) {
    assertThatThrownBy(() -> operation.accept(unique("never-created")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Secrets Manager can't find the specified secret.");
            });
  }

  static Stream<Named<Consumer<String>>> operationsRefusedOnADeletedSecret() {
    return everyOperationOnASecret()
        .filter(o -> o.getName().matches("GetSecretValue|PutSecretValue|UpdateSecret"));
  }

  @ParameterizedTest
  @MethodSource("operationsRefusedOnADeletedSecret")
  void secretMarkedForDeletionIsAnInvalidRequest(Consumer<String> operation) {
    String name = unique("scheduled");
    client.createSecret(r -> r.name(name).secretString("v1"));
    client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L));
    assertThatThrownBy(() -> operation.accept(name))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "You can't perform this operation on the secret because it was marked for"
                            + " deletion."));
  }

  @Test
  void missingStagingLabelIsResourceNotFound() {
    String name = unique("no-pending");
    client.createSecret(r -> r.name(name).secretString("v1"));
    assertThatThrownBy(
            () -> client.getSecretValue(r -> r.secretId(name).versionStage("AWSPENDING")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "Secrets Manager can't find the specified secret value for staging"
                            + " label: AWSPENDING"));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 6, 31})
  void recoveryWindowOutsideSevenToThirtyDaysIsRefused(long days) {
    String name = unique("window");
    client.createSecret(r -> r.name(name).secretString("v1"));
    assertThatThrownBy(() -> client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(days)))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "The RecoveryWindowInDays value must be between 7 and 30 days"
                            + " (inclusive)."));
    // AWS checks the range before the combination with ForceDeleteWithoutRecovery.
    assertThatThrownBy(
            () ->
                client.deleteSecret(
                    r ->
                        r.secretId(name)
                            .recoveryWindowInDays(days)
                            .forceDeleteWithoutRecovery(true)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("The RecoveryWindowInDays value must be between 7 and 30 days");
    assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v1");
  }

  @Test
  void forceDeletesASecretAlreadyScheduledForDeletion() {
    String name = unique("scheduled-then-forced");
    client.createSecret(r -> r.name(name).secretString("v1"));
    client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(30L));
    client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
    assertThatThrownBy(() -> client.restoreSecret(r -> r.secretId(name)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(client.createSecret(r -> r.name(name).secretString("v2")).name()).isEqualTo(name);
  }

  @Test
  void forceDeletingAnUnknownSecretAnswersAsIfItHadDeletedIt() {
    String name = unique("never-there");
    DeleteSecretResponse response =
        client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
    assertThat(response.name()).isEqualTo(name);
    assertThat(response.arn())
        .matches(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                + java.util.regex.Pattern.quote(name)
                + "-[A-Za-z0-9]{6}");
    assertThat(response.deletionDate()).isNotNull();
    // Nothing was created by the answer.
    assertThatThrownBy(() -> client.describeSecret(r -> r.secretId(name)))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
