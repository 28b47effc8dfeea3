package dev.lambdalocal.secretsmanager.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** {@code ListSecrets}: filters, planned deletions, sort order and pages. */
final class SecretListing {

  private record Filter(String key, List<String> values) {}

  private SecretListing() {}

  static ObjectNode listSecrets(SecretsManagerService service, Input input) {
    Long max = input.integer("MaxResults");
    new Validation().range("maxResults", max, 1, 100).check();
    boolean includeDeleted = Boolean.TRUE.equals(input.bool("IncludePlannedDeletion"));
    List<Filter> filters =
        input.structureList(
            "Filters",
            f -> new Filter(f.string("Key"), SecretOperations.copy(f.stringList("Values"))));
    List<StoredSecret> matching = new ArrayList<>();
    for (StoredSecret secret : service.secrets().values()) {
      if ((includeDeleted || secret.deletionDate == null)
          && (filters == null || filters.stream().allMatch(f -> matches(secret, f)))) {
        matching.add(secret);
      }
    }
    if ("desc".equals(input.string("SortOrder"))) {
      java.util.Collections.reverse(matching);
    }
    int start = start(input.string("NextToken"), matching.size());
    int end = (int) Math.min(matching.size(), start + (max == null ? 100 : max));
    ObjectNode output = Json.object();
    ArrayNode list = output.putArray("SecretList");
    for (StoredSecret secret : matching.subList(start, end)) {
      list.add(SecretOperations.describe(secret, false));
    }
    if (end < matching.size()) {
      output.put(
          "NextToken",
          Base64.getEncoder()
              .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
    }
    return output;
  }

  private static int start(String token, int size) {
    if (token == null) {
      return 0;
    }
    try {
      int start =
          Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
      if (start >= 0 && start <= size) {
        return start;
      }
    } catch (IllegalArgumentException e) {
      // Answered below as AWS answers a token it did not issue.
    }
    throw AwsError.of("InvalidNextTokenException", "The NextToken value is invalid.");
  }

  /** A value matches by prefix; a value starting with {@code !} negates, as AWS documents. */
  private static boolean matches(StoredSecret secret, Filter filter) {
    for (String value : filter.values()) {
      boolean negate = value.startsWith("!");
      String prefix = negate ? value.substring(1) : value;
      boolean hit =
          switch (filter.key() == null ? "" : filter.key()) {
            case "name" -> secret.name.startsWith(prefix);
            case "description" ->
                secret.description != null && secret.description.startsWith(prefix);
            case "tag-key" -> secret.tags.keySet().stream().anyMatch(k -> k.startsWith(prefix));
            case "tag-value" -> secret.tags.values().stream().anyMatch(v -> v.startsWith(prefix));
            case "all" ->
                secret.name.startsWith(prefix)
                    || (secret.description != null && secret.description.startsWith(prefix))
                    || secret.tags.entrySet().stream()
                        .map(Map.Entry::getKey)
                        .anyMatch(k -> k.startsWith(prefix));
            default -> false;
          };
      if (hit != negate) {
        return true;
      }
    }
    return false;
  }
}
