package dev.lambdalocal.account;

import static dev.lambdalocal.account.ClientCalls.errorLine;
import static dev.lambdalocal.account.SecretsManagerExpectations.epoch;
import static dev.lambdalocal.account.SecretsManagerExpectations.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What AWS answers to the SSM Parameter Store calls of cli_operations.sh and boto3_operations.py.
 * The same values as ParameterStoreTests asserts through SDK v2; error texts are AWS's (sources in
 * ParameterOperations). ParameterNotFound carries no message, so the CLI's line ends after the
 * colon.
 */
final class ParameterStoreExpectations {

  private static final String ARN_PREFIX = "arn:aws:ssm:us-east-1:123456789012:parameter";
  private static final String ROOT = "arn:aws:iam::123456789012:root";

  private ParameterStoreExpectations() {}

  /** Check every SSM call of the scenario; {@code start} is the account's clock. */
  static void check(ClientCalls calls, String prefix, Instant start) throws Exception {
    String base = "/" + prefix + "/app";
    String url = base + "/url";
    String list = base + "/list";
    String password = base + "/deep/password";
    double now = epoch(start);

    for (String key : List.of("putString", "putStringList", "putSecureString")) {
      assertThat(calls.output(key).get("Version").asLong()).as(key).isEqualTo(1);
      assertThat(calls.output(key).get("Tier").asText()).as(key).isEqualTo("Standard");
    }
    assertThat(calls.error("putExisting"))
        .isEqualTo(
            errorLine(
                "ParameterAlreadyExists",
                "PutParameter",
                "The parameter already exists. To overwrite this value, set the overwrite option"
                    + " in the request to true."));
    assertThat(calls.output("putOverwrite").get("Version").asLong()).isEqualTo(2);

    JsonNode encrypted = calls.output("getEncrypted").get("Parameter");
    assertThat(encrypted.get("Name").asText()).isEqualTo(password);
    assertThat(encrypted.get("Type").asText()).isEqualTo("SecureString");
    // The encrypted form: a KMS ciphertext blob, Base64, never the value.
    assertThat(encrypted.get("Value").asText()).startsWith("AQICAH").doesNotContain("s3cr3t");
    assertThat(Base64.getDecoder().decode(encrypted.get("Value").asText())).hasSizeGreaterThan(32);
    assertThat(encrypted.get("Version").asLong()).isEqualTo(1);
    assertThat(encrypted.get("ARN").asText()).isEqualTo(ARN_PREFIX + password);
    assertThat(encrypted.get("DataType").asText()).isEqualTo("text");
    assertThat(encrypted.get("LastModifiedDate").asDouble()).isEqualTo(now);
    JsonNode decrypted = calls.output("getDecrypted").get("Parameter");
    assertThat(decrypted.get("Value").asText()).isEqualTo("s3cr3t");
    JsonNode selected = calls.output("getVersionSelector").get("Parameter");
    assertThat(selected.get("Name").asText()).isEqualTo(url);
    assertThat(selected.get("Value").asText()).isEqualTo("v1");
    assertThat(selected.get("Version").asLong()).isEqualTo(1);
    assertThat(selected.get("Selector").asText()).isEqualTo(":1");
    assertThat(calls.error("getUnknownVersion"))
        .isEqualTo(
            errorLine(
                "ParameterVersionNotFound",
                "GetParameter",
                "Systems Manager could not find version 9 of "
                    + url
                    + ". Verify the version and try again."));
    assertThat(calls.error("getMissing"))
        .isEqualTo(errorLine("ParameterNotFound", "GetParameter", ""));

    JsonNode parameters = calls.output("getParameters");
    assertThat(values(parameters.get("Parameters")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(url, "v2", password, "s3cr3t"));
    assertThat(texts(parameters.get("InvalidParameters")))
        .containsExactlyInAnyOrder(base + "/missing", url + ":9");

    assertThat(values(calls.output("byPath").get("Parameters")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(url, "v2", list, "a,b,c"));
    Map<String, String> recursive = values(calls.output("byPathRecursive").get("Parameters"));
    assertThat(recursive).containsOnlyKeys(url, list, password);
    assertThat(recursive.get(password)).isEqualTo(encrypted.get("Value").asText());

    // Pages of two: the CLI's token wraps the service's NextToken, which proves the service
    // paged (had it answered all three, the CLI would have truncated the page itself).
    JsonNode first = calls.output("byPathFirstPage");
    assertThat(first.get("Parameters")).hasSize(2);
    JsonNode token =
        new ObjectMapper()
            .readTree(
                new String(
                    Base64.getDecoder().decode(first.get("NextToken").asText()),
                    StandardCharsets.UTF_8));
    assertThat(token.get("NextToken").isTextual()).as("service token in %s", token).isTrue();
    assertThat(token.has("boto_truncate_amount")).as(token.toString()).isFalse();
    JsonNode next = calls.output("byPathNextPage");
    assertThat(next.get("Parameters")).hasSize(1);
    assertThat(next.has("NextToken")).isFalse();
    Map<String, String> paged = values(first.get("Parameters"));
    paged.putAll(values(next.get("Parameters")));
    assertThat(paged).containsOnlyKeys(url, list, password);

    Map<String, JsonNode> described = new LinkedHashMap<>();
    calls
        .output("describeParameters")
        .get("Parameters")
        .forEach(p -> described.put(p.get("Name").asText(), p));
    assertThat(described).containsOnlyKeys(url, list, password);
    JsonNode secure = described.get(password);
    assertThat(secure.get("Type").asText()).isEqualTo("SecureString");
    assertThat(secure.get("KeyId").asText()).isEqualTo("alias/aws/ssm");
    assertThat(secure.get("LastModifiedUser").asText()).isEqualTo(ROOT);
    assertThat(secure.has("Value")).isFalse();
    assertThat(described.get(url).get("Version").asLong()).isEqualTo(2);
    assertThat(described.get(list).get("Type").asText()).isEqualTo("StringList");

    JsonNode history = calls.output("history").get("Parameters");
    List<String> versions = new ArrayList<>();
    history.forEach(v -> versions.add(v.get("Version").asText() + "=" + v.get("Value").asText()));
    assertThat(versions).containsExactly("1=v1", "2=v2");
    assertThat(history.get(0).get("LastModifiedUser").asText()).isEqualTo(ROOT);
    assertThat(calls.error("historyMissing"))
        .isEqualTo(errorLine("ParameterNotFound", "GetParameterHistory", ""));

    assertThat(calls.output("deleteParameter")).isEmpty();
    assertThat(calls.error("deleteMissing"))
        .isEqualTo(errorLine("ParameterNotFound", "DeleteParameter", ""));
    JsonNode deleted = calls.output("deleteParameters");
    assertThat(texts(deleted.get("DeletedParameters"))).containsExactly(url);
    assertThat(texts(deleted.get("InvalidParameters"))).containsExactly(list);
  }

  private static Map<String, String> values(JsonNode parameters) {
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach(p -> values.put(p.get("Name").asText(), p.get("Value").asText()));
    assertThat(values).as("names in %s", parameters).hasSameSizeAs(parameters);
    return values;
  }
}
