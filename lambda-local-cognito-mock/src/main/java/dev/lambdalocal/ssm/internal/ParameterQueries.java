package dev.lambdalocal.ssm.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.Validation;
import dev.lambdalocal.ssm.internal.ParameterOperations.Resolved;
import dev.lambdalocal.ssm.internal.StoredParameter.Version;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/** The listing operations: GetParametersByPath, DescribeParameters, GetParameterHistory. */
final class ParameterQueries {

  private record Filter(String key, String option, List<String> values) {}

  private ParameterQueries() {}

  static ObjectNode byPath(ParameterOperations store, Input input) {
    String path = input.string("Path");
    Long max = input.integer("MaxResults");
    new Validation()
        .required("path", path)
        .string("path", path, null, 1, 2048)
        .range("maxResults", max, 1, 10)
        .check();
    boolean recursive = Boolean.TRUE.equals(input.bool("Recursive"));
    boolean decrypt = Boolean.TRUE.equals(input.bool("WithDecryption"));
    Predicate<String> under = under(path, recursive);
    List<StoredParameter> matching = new ArrayList<>();
    store.parameters().values().stream().filter(p -> under.test(p.name)).forEach(matching::add);
    ObjectNode output = Json.object();
    ArrayNode list = output.putArray("Parameters");
    page(matching, input.string("NextToken"), max == null ? 10 : max, output)
        .forEach(
            p -> list.add(ParameterOperations.output(new Resolved(p, p.latest(), null), decrypt)));
    return output;
  }

  /** Names one level under {@code path}, or at any depth when recursive. */
  private static Predicate<String> under(String path, boolean recursive) {
    String prefix = path.endsWith("/") ? path : path + "/";
    return name ->
        name.startsWith(prefix)
            && name.length() > prefix.length()
            && (recursive || name.indexOf('/', prefix.length()) < 0);
  }

  static ObjectNode describe(ParameterOperations store, Input input) {
    Long max = input.integer("MaxResults");
    new Validation().range("maxResults", max, 1, 50).check();
    List<Filter> filters =
        input.structureList(
            "ParameterFilters",
            f -> new Filter(f.string("Key"), f.string("Option"), f.stringList("Values")));
    List<StoredParameter> matching = new ArrayList<>();
    for (StoredParameter parameter : store.parameters().values()) {
      if (filters == null || filters.stream().allMatch(f -> matches(parameter, f))) {
        matching.add(parameter);
      }
    }
    ObjectNode output = Json.object();
    ArrayNode list = output.putArray("Parameters");
    for (StoredParameter parameter :
        page(matching, input.string("NextToken"), max == null ? 10 : max, output)) {
      Version latest = parameter.latest();
      ObjectNode node = list.addObject().put("Name", parameter.name).put("ARN", parameter.arn);
      node.put("Type", latest.type());
      if (latest.keyId() != null) {
        node.put("KeyId", latest.keyId());
      }
      Json.putTimestamp(node, "LastModifiedDate", latest.lastModifiedDate());
      node.put("LastModifiedUser", latest.lastModifiedUser());
      if (latest.description() != null) {
        node.put("Description", latest.description());
      }
      node.put("Version", latest.version()).put("Tier", "Standard");
      node.putArray("Policies");
      node.put("DataType", "text");
    }
    return output;
  }

  private static boolean matches(StoredParameter parameter, Filter filter) {
    List<String> values = filter.values() == null ? List.of() : filter.values();
    String option = filter.option();
    return switch (filter.key() == null ? "" : filter.key()) {
      case "Name" ->
          values.stream()
              .anyMatch(
                  v ->
                      "BeginsWith".equals(option)
                          ? parameter.name.startsWith(v)
                          : parameter.name.equals(v));
      case "Path" ->
          values.stream().anyMatch(v -> under(v, "Recursive".equals(option)).test(parameter.name));
      case "Type" -> values.contains(parameter.latest().type());
      default ->
          throw AwsError.of(
              "InvalidFilterKey", "The following filter key is not valid: " + filter.key());
    };
  }

  static ObjectNode history(ParameterOperations store, Input input) {
    String name = input.string("Name");
    Long max = input.integer("MaxResults");
    new Validation().required("name", name).range("maxResults", max, 1, 50).check();
    StoredParameter parameter = store.find(name).orElseThrow(ParameterOperations::notFound);
    boolean decrypt = Boolean.TRUE.equals(input.bool("WithDecryption"));
    ObjectNode output = Json.object();
    ArrayNode list = output.putArray("Parameters");
    for (Version version :
        page(parameter.history, input.string("NextToken"), max == null ? 50 : max, output)) {
      ObjectNode node = list.addObject().put("Name", parameter.name).put("Type", version.type());
      if (version.keyId() != null) {
        node.put("KeyId", version.keyId());
      }
      Json.putTimestamp(node, "LastModifiedDate", version.lastModifiedDate());
      node.put("LastModifiedUser", version.lastModifiedUser());
      if (version.description() != null) {
        node.put("Description", version.description());
      }
      boolean encrypted = version.ciphertext() != null && !decrypt;
      node.put("Value", encrypted ? version.ciphertext() : version.value());
      node.put("Version", version.version());
      node.putArray("Labels");
      node.put("Tier", "Standard");
      node.putArray("Policies");
      node.put("DataType", "text");
    }
    return output;
  }

  /** Return one page of {@code all}, putting NextToken on {@code output} when more follow. */
  private static <T> List<T> page(List<T> all, String token, long max, ObjectNode output) {
    int start = 0;
    if (token != null) {
      try {
        start =
            Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        start = -1;
      }
      if (start < 0 || start > all.size()) {
        throw AwsError.of("InvalidNextToken", "The specified token isn't valid.");
      }
    }
    int end = (int) Math.min(all.size(), start + max);
    if (end < all.size()) {
      output.put(
          "NextToken",
          Base64.getEncoder()
              .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
    }
    return all.subList(start, end);
  }
}
