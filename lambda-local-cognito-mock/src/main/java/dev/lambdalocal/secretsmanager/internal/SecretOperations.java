package dev.lambdalocal.secretsmanager.internal;

import static dev.lambdalocal.secretsmanager.internal.SecretsManagerService.AWSCURRENT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.Validation;
import dev.lambdalocal.secretsmanager.internal.StoredSecret.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operations of Secrets Manager, run under the service's lock. */
final class SecretOperations {

  private final SecretsManagerService service;

  SecretOperations(SecretsManagerService service) {
    this.service = service;
  }

  ObjectNode dispatch(String operation, Input input) {
    return switch (operation) {
      case "CreateSecret" -> createSecret(input);
      case "GetSecretValue" -> getSecretValue(input);
      case "PutSecretValue" -> putSecretValue(input);
      case "UpdateSecret" -> updateSecret(input);
      case "DescribeSecret" -> describeSecret(input);
      case "ListSecrets" -> SecretListing.listSecrets(service, input);
      case "DeleteSecret" -> deleteSecret(input);
      case "RestoreSecret" -> restoreSecret(input);
      default -> throw AwsError.unknownOperation();
    };
  }

  private Instant now() {
    return service.clock().instant();
  }

  StoredSecret create(String name, String string, byte[] binary, String token) {
    StoredSecret secret = new StoredSecret(name, service.newArn(name), now());
    service.secrets().put(name, secret);
    if (string != null || binary != null) {
      newVersion(secret, token, string, binary, List.of(AWSCURRENT));
    }
    return secret;
  }

  Version newVersion(
      StoredSecret secret, String token, String string, byte[] binary, List<String> stages) {
    String versionId = token != null ? token : UUID.randomUUID().toString();
    Version existing = secret.versions.get(versionId);
    if (existing != null) {
      // ClientRequestToken makes the call idempotent, for the same value only.
      if (!existing.sameValue(string, binary)) {
        throw SecretsErrors.versionExists();
      }
      return existing;
    }
    secret.lastChangedDate = now();
    return secret.addVersion(new Version(versionId, string, binary, now()), stages);
  }

  private static void validateValue(Input input) {
    new Validation()
        .string("secretString", input.string("SecretString"), null, 0, 65536)
        .string("clientRequestToken", input.string("ClientRequestToken"), null, 32, 64)
        .check();
    if (input.string("SecretString") != null && input.string("SecretBinary") != null) {
      throw SecretsErrors.bothValues();
    }
  }

  private static byte[] binary(Input input) {
    String base64 = input.string("SecretBinary");
    if (base64 == null) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw AwsError.serialization();
    }
  }

  private static String secretId(Input input) {
    String secretId = input.string("SecretId");
    new Validation()
        .required("secretId", secretId)
        .string("secretId", secretId, null, 1, 2048)
        .check();
    return secretId;
  }

  private ObjectNode createSecret(Input input) {
    String name = input.string("Name");
    new Validation().required("name", name).string("name", name, null, 1, 512).check();
    validateValue(input);
    StoredSecret existing = service.find(name).orElse(null);
    if (existing != null) {
      throw existing.deletionDate != null
          ? SecretsErrors.scheduledForDeletion()
          : SecretsErrors.exists(name);
    }
    StoredSecret secret =
        create(
            name, input.string("SecretString"), binary(input), input.string("ClientRequestToken"));
    secret.description = input.string("Description");
    secret.kmsKeyId = input.string("KmsKeyId");
    List<Map.Entry<String, String>> tags = tags(input);
    tags.forEach(tag -> secret.tags.put(tag.getKey(), tag.getValue()));
    ObjectNode output = Json.object().put("ARN", secret.arn).put("Name", secret.name);
    secret.byStage(AWSCURRENT).ifPresent(v -> output.put("VersionId", v.versionId));
    return output;
  }

  private static List<Map.Entry<String, String>> tags(Input input) {
    List<Map.Entry<String, String>> tags =
        input.structureList("Tags", tag -> Map.entry(tag.string("Key"), tag.string("Value")));
    return tags == null ? List.of() : tags;
  }

  private ObjectNode getSecretValue(Input input) {
    StoredSecret secret = service.live(secretId(input));
    String versionId = input.string("VersionId");
    String stage = input.string("VersionStage");
    Version version;
    if (versionId != null) {
      version = secret.versions.get(versionId);
      if (version == null || (stage != null && !version.stages.contains(stage))) {
        throw SecretsErrors.noValueForVersion(versionId);
      }
    } else {
      String wanted = stage != null ? stage : AWSCURRENT;
      version = secret.byStage(wanted).orElseThrow(() -> SecretsErrors.noValueForStage(wanted));
    }
    // AWS records the day of the last access, not the instant.
    secret.lastAccessedDate = now().truncatedTo(ChronoUnit.DAYS);
    ObjectNode output = Json.object().put("ARN", secret.arn).put("Name", secret.name);
    output.put("VersionId", version.versionId);
    if (version.binary != null) {
      output.put("SecretBinary", Base64.getEncoder().encodeToString(version.binary));
    } else {
      output.put("SecretString", version.string);
    }
    ArrayNode stages = output.putArray("VersionStages");
    version.stages.forEach(stages::add);
    Json.putTimestamp(output, "CreatedDate", version.createdDate);
    return output;
  }

  private ObjectNode putSecretValue(Input input) {
    String secretId = secretId(input);
    validateValue(input);
    StoredSecret secret = service.live(secretId);
    String string = input.string("SecretString");
    byte[] binary = binary(input);
    if (string == null && binary == null) {
      throw SecretsErrors.noValue();
    }
    List<String> stages = input.stringList("VersionStages");
    Version version =
        newVersion(
            secret,
            input.string("ClientRequestToken"),
            string,
            binary,
            stages == null || stages.isEmpty() ? List.of(AWSCURRENT) : stages);
    ObjectNode output = Json.object().put("ARN", secret.arn).put("Name", secret.name);
    output.put("VersionId", version.versionId);
    ArrayNode labels = output.putArray("VersionStages");
    version.stages.forEach(labels::add);
    return output;
  }

  private ObjectNode updateSecret(Input input) {
    String secretId = secretId(input);
    validateValue(input);
    StoredSecret secret = service.live(secretId);
    if (input.string("Description") != null) {
      secret.description = input.string("Description");
      secret.lastChangedDate = now();
    }
    if (input.string("KmsKeyId") != null) {
      secret.kmsKeyId = input.string("KmsKeyId");
      secret.lastChangedDate = now();
    }
    ObjectNode output = Json.object().put("ARN", secret.arn).put("Name", secret.name);
    String string = input.string("SecretString");
    byte[] binary = binary(input);
    if (string != null || binary != null) {
      Version version =
          newVersion(
              secret, input.string("ClientRequestToken"), string, binary, List.of(AWSCURRENT));
      output.put("VersionId", version.versionId);
    }
    return output;
  }

  private ObjectNode describeSecret(Input input) {
    StoredSecret secret = service.find(secretId(input)).orElseThrow(SecretsErrors::notFound);
    return describe(secret, true);
  }

  /** The members DescribeSecret and ListSecrets share. */
  static ObjectNode describe(StoredSecret secret, boolean describe) {
    ObjectNode output = Json.object().put("ARN", secret.arn).put("Name", secret.name);
    if (secret.description != null) {
      output.put("Description", secret.description);
    }
    if (secret.kmsKeyId != null) {
      output.put("KmsKeyId", secret.kmsKeyId);
    }
    Json.putTimestamp(output, "LastChangedDate", secret.lastChangedDate);
    if (secret.lastAccessedDate != null) {
      Json.putTimestamp(output, "LastAccessedDate", secret.lastAccessedDate);
    }
    if (secret.deletionDate != null) {
      Json.putTimestamp(output, "DeletedDate", secret.deletionDate);
    }
    if (!secret.tags.isEmpty()) {
      ArrayNode tags = output.putArray("Tags");
      secret.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
    }
    ObjectNode versions =
        output.putObject(describe ? "VersionIdsToStages" : "SecretVersionsToStages");
    Map<String, List<String>> stages = new LinkedHashMap<>(secret.versionsToStages());
    stages.forEach((id, labels) -> labels.forEach(versions.withArray(id)::add));
    Json.putTimestamp(output, "CreatedDate", secret.createdDate);
    return output;
  }

  private ObjectNode deleteSecret(Input input) {
    String secretId = secretId(input);
    Long window = input.integer("RecoveryWindowInDays");
    boolean force = Boolean.TRUE.equals(input.bool("ForceDeleteWithoutRecovery"));
    // AWS checks the window's range first: a window of 0 with the force flag is a range error
    // (quoted from AWS in getmoto/moto#6461).
    if (window != null && (window < 7 || window > 30)) {
      throw SecretsErrors.recoveryWindow();
    }
    if (window != null && force) {
      throw SecretsErrors.forceWithWindow();
    }
    StoredSecret secret = service.find(secretId).orElse(null);
    if (secret == null && force) {
      // AWS answers a forced deletion of a secret it does not have as if it had deleted it, so
      // clean-up scripts are idempotent (localstack's AWS-validated
      // test_delete_non_existent_secret_returns_as_if_secret_exists).
      String arn = secretId.startsWith("arn:") ? secretId : service.newArn(secretId);
      ObjectNode output = Json.object().put("ARN", arn).put("Name", secretId);
      Json.putTimestamp(output, "DeletionDate", now());
      return output;
    }
    if (secret == null) {
      throw SecretsErrors.notFound();
    }
    ObjectNode output = Json.object().put("ARN", secret.arn).put("Name", secret.name);
    if (force) {
      service.secrets().remove(secret.name);
      Json.putTimestamp(output, "DeletionDate", now());
      return output;
    }
    if (secret.deletionDate != null) {
      throw SecretsErrors.markedForDeletion();
    }
    secret.deletionDate = now().plus(Duration.ofDays(window == null ? 30 : window));
    Json.putTimestamp(output, "DeletionDate", secret.deletionDate);
    return output;
  }

  private ObjectNode restoreSecret(Input input) {
    StoredSecret secret = service.find(secretId(input)).orElseThrow(SecretsErrors::notFound);
    secret.deletionDate = null;
    return Json.object().put("ARN", secret.arn).put("Name", secret.name);
  }

  static List<String> copy(List<String> list) {
    return list == null ? List.of() : new ArrayList<>(list);
  }
}
