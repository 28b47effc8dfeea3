package dev.lambdalocal.account;

import static dev.lambdalocal.account.ClientCalls.errorLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What AWS answers to the Secrets Manager calls of cli_operations.sh and boto3_operations.py. The
 * same values as SecretsManagerTests asserts through SDK v2; error texts are AWS's (sources in
 * SecretsErrors).
 */
final class SecretsManagerExpectations {

  private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";
  private static final String MARKED_FOR_DELETION =
      "You can't perform this operation on the secret because it was marked for deletion.";
  private static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";

  private SecretsManagerExpectations() {}

  /** Check every Secrets Manager call of the scenario; {@code start} is the account's clock. */
  static void check(ClientCalls calls, String prefix, Instant start) {
    String db = prefix + "/db";
    String bin = prefix + "/bin";
    double now = epoch(start);

    JsonNode created = calls.output("createSecret");
    String arn = created.get("ARN").asText();
    assertThat(arn).matches(Pattern.quote(ARN_PREFIX + db) + "-[A-Za-z0-9]{6}");
    assertThat(created.get("Name").asText()).isEqualTo(db);
    String v1 = created.get("VersionId").asText();
    JsonNode binary = calls.output("createBinarySecret");
    assertThat(binary.get("ARN").asText())
        .matches(Pattern.quote(ARN_PREFIX + bin) + "-[A-Za-z0-9]{6}");
    // The CLI and boto3 generate the request token, which becomes the version id.
    assertThat(binary.get("VersionId").asText()).matches("[0-9a-f-]{36}");
    assertThat(calls.error("createExisting"))
        .isEqualTo(
            errorLine(
                "ResourceExistsException",
                "CreateSecret",
                "The operation failed because the secret " + db + " already exists."));
    assertThat(calls.error("createWithBothValues"))
        .isEqualTo(
            errorLine(
                "InvalidParameterException",
                "CreateSecret",
                "You can't specify both a binary secret value and a string secret value in the"
                    + " same secret."));

    JsonNode binaryValue = calls.output("getBinary");
    assertThat(binaryValue.get("SecretBinary").asText()).isEqualTo("AAEC/w==");
    assertThat(binaryValue.has("SecretString")).isFalse();
    assertThat(binaryValue.get("VersionId")).isEqualTo(binary.get("VersionId"));
    assertThat(binaryValue.get("CreatedDate").asDouble()).isEqualTo(now);

    JsonNode put = calls.output("putSecretValue");
    assertThat(put.get("ARN").asText()).isEqualTo(arn);
    assertThat(texts(put.get("VersionStages"))).containsExactly("AWSCURRENT");
    String v2 = put.get("VersionId").asText();
    JsonNode pending = calls.output("putPending");
    assertThat(texts(pending.get("VersionStages"))).containsExactly("AWSPENDING");
    String v3 = pending.get("VersionId").asText();

    value(calls, "getCurrent", arn, "v2", v2, "AWSCURRENT", now);
    value(calls, "getPrevious", arn, "v1", v1, "AWSPREVIOUS", now);
    value(calls, "getPending", arn, "v3", v3, "AWSPENDING", now);
    // The script asked for the version id it gave as createSecret's ClientRequestToken.
    value(calls, "getByVersionId", arn, "v1", v1, "AWSPREVIOUS", now);
    assertThat(calls.error("getUnknownVersionId"))
        .isEqualTo(
            errorLine(
                "ResourceNotFoundException",
                "GetSecretValue",
                "Secrets Manager can't find the specified secret value for VersionId: " + v1));
    assertThat(calls.error("getUnknownStage"))
        .isEqualTo(
            errorLine(
                "ResourceNotFoundException",
                "GetSecretValue",
                "Secrets Manager can't find the specified secret value for staging label:"
                    + " AWSPENDING"));

    JsonNode updated = calls.output("updateSecret");
    assertThat(updated.get("ARN").asText()).isEqualTo(arn);
    String v4 = updated.get("VersionId").asText();
    assertThat(List.of(v1, v2, v3, v4)).doesNotHaveDuplicates();
    // Versions without a label (v1, after two new current versions) are not listed.
    ObjectNode stages = new ObjectMapper().createObjectNode();
    stages.putArray(v2).add("AWSPREVIOUS");
    stages.putArray(v3).add("AWSPENDING");
    stages.putArray(v4).add("AWSCURRENT");

    JsonNode list = calls.output("listSecrets");
    assertThat(list.has("NextToken")).isFalse();
    List<String> names = new ArrayList<>();
    for (JsonNode entry : list.get("SecretList")) {
      names.add(entry.get("Name").asText());
      if (entry.get("Name").asText().equals(db)) {
        assertThat(entry.get("Description").asText()).isEqualTo("second");
        assertThat(entry.get("SecretVersionsToStages")).isEqualTo(stages);
      }
    }
    assertThat(names).containsExactlyInAnyOrder(db, bin);

    double deletion = epoch(start.plus(Duration.ofDays(7)));
    JsonNode deleted = calls.output("deleteWithWindow");
    assertThat(deleted.get("ARN").asText()).isEqualTo(arn);
    assertThat(deleted.get("DeletionDate").asDouble()).isEqualTo(deletion);
    JsonNode described = calls.output("describeDeleted");
    assertThat(described.get("Name").asText()).isEqualTo(db);
    assertThat(described.get("Description").asText()).isEqualTo("second");
    assertThat(described.get("DeletedDate").asDouble()).isEqualTo(deletion);
    assertThat(described.get("CreatedDate").asDouble()).isEqualTo(now);
    assertThat(described.get("VersionIdsToStages")).isEqualTo(stages);
    assertThat(calls.error("getDeleted"))
        .isEqualTo(errorLine("InvalidRequestException", "GetSecretValue", MARKED_FOR_DELETION));
    assertThat(calls.error("putDeleted"))
        .isEqualTo(errorLine("InvalidRequestException", "PutSecretValue", MARKED_FOR_DELETION));
    assertThat(calls.error("createDeleted"))
        .isEqualTo(
            errorLine(
                "InvalidRequestException",
                "CreateSecret",
                "You can't create this secret because a secret with this name is already"
                    + " scheduled for deletion."));
    JsonNode restored = calls.output("restoreSecret");
    assertThat(restored.get("ARN").asText()).isEqualTo(arn);
    assertThat(restored.get("Name").asText()).isEqualTo(db);
    value(calls, "getRestored", arn, "v4", v4, "AWSCURRENT", now);

    assertThat(calls.error("deleteWindowOutOfRange"))
        .isEqualTo(
            errorLine(
                "InvalidParameterException",
                "DeleteSecret",
                "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive)."));
    assertThat(calls.error("deleteForceWithWindow"))
        .isEqualTo(
            errorLine(
                "InvalidParameterException",
                "DeleteSecret",
                "You can't use ForceDeleteWithoutRecovery in conjunction with"
                    + " RecoveryWindowInDays."));
    JsonNode forced = calls.output("deleteForce");
    assertThat(forced.get("ARN").asText()).isEqualTo(arn);
    assertThat(forced.get("DeletionDate").asDouble()).isEqualTo(now);
    assertThat(calls.error("getForceDeleted"))
        .isEqualTo(errorLine("ResourceNotFoundException", "GetSecretValue", NOT_FOUND));
    assertThat(calls.error("restoreMissing"))
        .isEqualTo(errorLine("ResourceNotFoundException", "RestoreSecret", NOT_FOUND));
    // AWS answers a forced deletion of a secret it does not have as if it had deleted it.
    JsonNode never = calls.output("deleteForceMissing");
    assertThat(never.get("Name").asText()).isEqualTo(prefix + "/never");
    assertThat(never.get("ARN").asText()).startsWith(ARN_PREFIX + prefix + "/never-");
    assertThat(never.get("DeletionDate").asDouble()).isEqualTo(now);
  }

  private static void value(
      ClientCalls calls,
      String key,
      String arn,
      String value,
      String versionId,
      String stage,
      double created) {
    JsonNode output = calls.output(key);
    assertThat(output.get("ARN").asText()).as(key).isEqualTo(arn);
    assertThat(output.get("SecretString").asText()).as(key).isEqualTo(value);
    assertThat(output.get("VersionId").asText()).as(key).isEqualTo(versionId);
    assertThat(texts(output.get("VersionStages"))).as(key).containsExactly(stage);
    assertThat(output.get("CreatedDate").asDouble()).as(key).isEqualTo(created);
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  static double epoch(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
