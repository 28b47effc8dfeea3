package dev.lambdalocal.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.account.OfflineAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** Every Secrets Manager operation through the offline account's one endpoint, with SDK v2. */
class SecretsManagerTests {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static MutableClock clock;
  private static OfflineAccount account;
  private static SecretsManagerClient client;

  @BeforeAll
  static void start() {
    clock = new MutableClock(START);
    account = OfflineAccount.builder().clock(clock).extensionPort(0).start();
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

  @Test
  void createsAndReadsAStringSecretWithItsArnSuffix() {
    String name = unique("db/password");
    CreateSecretResponse created = client.createSecret(r -> r.name(name).secretString("s3cr3t"));
    assertThat(created.arn())
        .matches(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                + java.util.regex.Pattern.quote(name)
                + "-[A-Za-z0-9]{6}");
    GetSecretValueResponse value = client.getSecretValue(r -> r.secretId(name));
    assertThat(value.secretString()).isEqualTo("s3cr3t");
    assertThat(value.versionId()).isEqualTo(created.versionId());
    assertThat(value.versionStages()).containsExactly("AWSCURRENT");
    assertThat(value.createdDate()).isEqualTo(clock.instant());
    assertThat(value.name()).isEqualTo(name);
    // Full ARN and partial ARN (without the suffix) find the secret too.
    assertThat(client.getSecretValue(r -> r.secretId(created.arn())).secretString())
        .isEqualTo("s3cr3t");
    String partial = created.arn().substring(0, created.arn().length() - 7);
    assertThat(client.getSecretValue(r -> r.secretId(partial)).secretString()).isEqualTo("s3cr3t");
  }

  @Test
  void binarySecretsRoundTrip() {
    String name = unique("binary");
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    client.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));
    GetSecretValueResponse value = client.getSecretValue(r -> r.secretId(name));
    assertThat(value.secretBinary().asByteArray()).containsExactly(bytes);
    assertThat(value.secretString()).isNull();
  }

  @Test
  void unknownSecretIsResourceNotFound() {
    assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId("no-such-secret")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Secrets Manager can't find the specified secret.");
              assertThat(e.statusCode()).isEqualTo(400);
            });
  }

  @Test
  void existingNameIsResourceExists() {
    String name = unique("twice");
    client.createSecret(r -> r.name(name).secretString("a"));
    assertThatThrownBy(() -> client.createSecret(r -> r.name(name).secretString("b")))
        .isInstanceOf(ResourceExistsException.class)
        .hasMessageStartingWith(
            "The operation failed because the secret " + name + " already exists.");
  }

  @Test
  void bothValuesAreRefused() {
    assertThatThrownBy(
            () ->
                client.createSecret(
                    r ->
                        r.name(unique("both"))
                            .secretString("a")
                            .secretBinary(SdkBytes.fromUtf8String("b"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(
            "You can't specify both a binary secret value and a string secret value in the same"
                + " secret.");
  }

  @Test
  void putSecretValueRotatesStagesAndVersionLookupsWork() {
    String name = unique("rotating");
    String first = client.createSecret(r -> r.name(name).secretString("v1")).versionId();
    PutSecretValueResponse second = client.putSecretValue(r -> r.secretId(name).secretString("v2"));
    assertThat(second.versionStages()).containsExactly("AWSCURRENT");
    assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v2");
    GetSecretValueResponse previous =
        client.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS"));
    assertThat(previous.secretString()).isEqualTo("v1");
    assertThat(previous.versionId()).isEqualTo(first);
    assertThat(client.getSecretValue(r -> r.secretId(name).versionId(first)).secretString())
        .isEqualTo("v1");
    // A pending version does not become current.
    String pending =
        client
            .putSecretValue(r -> r.secretId(name).secretString("v3").versionStages("AWSPENDING"))
            .versionId();
    assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v2");
    assertThat(client.getSecretValue(r -> r.secretId(name).versionStage("AWSPENDING")).versionId())
        .isEqualTo(pending);
    DescribeSecretResponse described = client.describeSecret(r -> r.secretId(name));
    assertThat(described.versionIdsToStages())
        .containsEntry(first, List.of("AWSPREVIOUS"))
        .containsEntry(second.versionId(), List.of("AWSCURRENT"))
        .containsEntry(pending, List.of("AWSPENDING"));
    assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(name).versionId("x".repeat(32))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith(
            "Secrets Manager can't find the specified secret value for VersionId: "
                + "x".repeat(32));
  }

  @Test
  void sameTokenWithAnotherValueIsRefused() {
    String name = unique("idempotent");
    client.createSecret(r -> r.name(name).secretString("v1"));
    String token = UUID.randomUUID().toString();
    String id =
        client
            .putSecretValue(r -> r.secretId(name).secretString("v2").clientRequestToken(token))
            .versionId();
    assertThat(id).isEqualTo(token);
    assertThat(
            client
                .putSecretValue(r -> r.secretId(name).secretString("v2").clientRequestToken(token))
                .versionId())
        .isEqualTo(token);
    assertThatThrownBy(
            () ->
                client.putSecretValue(
                    r -> r.secretId(name).secretString("other").clientRequestToken(token)))
        .isInstanceOf(ResourceExistsException.class)
        .hasMessageStartingWith(
            "You can't modify an existing version, you can only create a new version.");
  }

  @Test
  void updateSecretChangesDescriptionAndValue() {
    String name = unique("updated");
    client.createSecret(r -> r.name(name).secretString("v1").description("old"));
    clock.advance(Duration.ofMinutes(1));
    Instant changed = clock.instant();
    String version =
        client
            .updateSecret(r -> r.secretId(name).description("new").secretString("v2"))
            .versionId();
    assertThat(version).isNotNull();
    DescribeSecretResponse described = client.describeSecret(r -> r.secretId(name));
    assertThat(described.description()).isEqualTo("new");
    assertThat(described.lastChangedDate()).isEqualTo(changed);
    assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v2");
    assertThat(client.updateSecret(r -> r.secretId(name).description("newer")).versionId())
        .isNull();
  }

  @Test
  void deleteWithRecoveryWindowThenRestore() {
    String name = unique("deleted");
    client.createSecret(r -> r.name(name).secretString("v1"));
    Instant deletion =
        client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L)).deletionDate();
    assertThat(deletion).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(name)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(
            "You can't perform this operation on the secret because it was marked for deletion.");
    assertThatThrownBy(() -> client.createSecret(r -> r.name(name).secretString("again")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(
            "You can't create this secret because a secret with this name is already scheduled"
                + " for deletion.");
    assertThat(client.describeSecret(r -> r.secretId(name)).deletedDate()).isEqualTo(deletion);
    assertThat(names(client.listSecrets(r -> r.filters(nameFilter(name))))).isEmpty();
    assertThat(
            names(
                client.listSecrets(r -> r.includePlannedDeletion(true).filters(nameFilter(name)))))
        .containsExactly(name);
    client.restoreSecret(r -> r.secretId(name));
    assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v1");
  }

  @Test
  void forceDeleteRemovesAtOnceAndRefusesAWindowWithIt() {
    String name = unique("forced");
    client.createSecret(r -> r.name(name).secretString("v1"));
    assertThatThrownBy(
            () ->
                client.deleteSecret(
                    r ->
                        r.secretId(name).forceDeleteWithoutRecovery(true).recoveryWindowInDays(7L)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(
            "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
    client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
    assertThatThrownBy(() -> client.describeSecret(r -> r.secretId(name)))
        .isInstanceOf(ResourceNotFoundException.class);
    // The name is free again.
    client.createSecret(r -> r.name(name).secretString("v2"));
  }

  @Test
  void recoveryWindowEndsWithTheClock() {
    String name = unique("expiring");
    client.createSecret(r -> r.name(name).secretString("v1"));
    client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(30L));
    clock.advance(Duration.ofDays(31));
    assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(name)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listSecretsPagesAndFilters() {
    String prefix = unique("listed");
    for (int i = 0; i < 5; i++) {
      String name = prefix + "/" + i;
      client.createSecret(r -> r.name(name).secretString("v"));
    }
    ListSecretsResponse first =
        client.listSecrets(r -> r.maxResults(2).filters(nameFilter(prefix)));
    assertThat(names(first)).containsExactly(prefix + "/0", prefix + "/1");
    assertThat(first.nextToken()).isNotNull();
    List<String> all =
        client.listSecretsPaginator(r -> r.maxResults(2).filters(nameFilter(prefix))).stream()
            .flatMap(page -> page.secretList().stream())
            .map(SecretListEntry::name)
            .toList();
    assertThat(all).hasSize(5);
    SecretListEntry entry = first.secretList().get(0);
    assertThat(entry.secretVersionsToStages()).hasSize(1);
  }

  private static Filter nameFilter(String prefix) {
    return Filter.builder().key(FilterNameStringType.NAME).values(prefix).build();
  }

  private static List<String> names(ListSecretsResponse response) {
    return response.secretList().stream().map(SecretListEntry::name).toList();
  }

  /** A clock the tests move forward. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
