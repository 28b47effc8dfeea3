package dev.lambdalocal.ssm.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.Validation;
import dev.lambdalocal.ssm.internal.StoredParameter.Version;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Parameter Store operations, run under {@link SsmService}'s lock. Error texts are AWS's: the
 * SSM API reference's error sections
 * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/) and responses quoted from real
 * accounts (ParameterNotFound carries no message: awslabs/aws-simple-cicd#10,
 * vandium-io/aws-param-store#8; ParameterVersionNotFound's text: getmoto/moto#3977, recorded from
 * AWS).
 */
final class ParameterOperations {

  static final List<String> TYPES = List.of("String", "StringList", "SecureString");
  static final String DEFAULT_KEY = "alias/aws/ssm";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String region;
  private final String accountId;
  private final Clock clock;
  private final TreeMap<String, StoredParameter> parameters = new TreeMap<>();

  ParameterOperations(String region, String accountId, Clock clock) {
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
  }

  ObjectNode dispatch(String operation, Input input, String user) {
    return switch (operation) {
      case "PutParameter" -> putParameter(input, user);
      case "GetParameter" -> getParameter(input);
      case "GetParameters" -> getParameters(input);
      case "GetParametersByPath" -> ParameterQueries.byPath(this, input);
      case "DeleteParameter" -> deleteParameter(input);
      case "DeleteParameters" -> deleteParameters(input);
      case "DescribeParameters" -> ParameterQueries.describe(this, input);
      case "GetParameterHistory" -> ParameterQueries.history(this, input);
      default -> throw AwsError.unknownOperation();
    };
  }

  TreeMap<String, StoredParameter> parameters() {
    return parameters;
  }

  Optional<StoredParameter> find(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  Set<String> names() {
    return Set.copyOf(parameters.keySet());
  }

  static AwsError notFound() {
    return AwsError.of("ParameterNotFound", null);
  }

  long put(
      String name,
      String type,
      String value,
      String description,
      String keyId,
      boolean overwrite,
      String user) {
    StoredParameter parameter = parameters.get(name);
    if (parameter != null && !overwrite) {
      throw AwsError.of(
          "ParameterAlreadyExists",
          "The parameter already exists. To overwrite this value, set the overwrite option in the"
              + " request to true.");
    }
    if (parameter == null && type == null) {
      throw AwsError.of(
          "ValidationException", "A parameter type is required when you create a parameter.");
    }
    if (parameter == null) {
      String path = name.startsWith("/") ? name : "/" + name;
      parameter =
          new StoredParameter(
              name, "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + path);
      parameters.put(name, parameter);
    }
    Version previous = parameter.history.isEmpty() ? null : parameter.latest();
    String actualType = type != null ? type : previous.type();
    boolean secure = "SecureString".equals(actualType);
    String actualKey = secure ? (keyId != null ? keyId : DEFAULT_KEY) : null;
    long version = previous == null ? 1 : previous.version() + 1;
    parameter.history.add(
        new Version(
            version,
            actualType,
            value,
            secure ? ciphertext() : null,
            description != null ? description : previous == null ? null : previous.description(),
            actualKey,
            clock.instant(),
            user != null ? user : "arn:aws:iam::" + accountId + ":root"));
    return version;
  }

  /** A KMS ciphertext blob's shape (version 1, key material prefix), Base64 as SSM returns it. */
  private static String ciphertext() {
    byte[] blob = new byte[184];
    RANDOM.nextBytes(blob);
    blob[0] = 0x01;
    blob[1] = 0x02;
    blob[2] = 0x02;
    blob[3] = 0x00;
    blob[4] = 0x78;
    return Base64.getEncoder().encodeToString(blob);
  }

  private ObjectNode putParameter(Input input, String user) {
    String name = input.string("Name");
    String value = input.string("Value");
    String type = input.string("Type");
    new Validation()
        .required("name", name)
        .string("name", name, null, 1, 2048)
        .required("value", value)
        .string("value", value, null, 0, 4096)
        .oneOf("type", type, TYPES)
        .check();
    long version =
        put(
            name,
            type,
            value,
            input.string("Description"),
            input.string("KeyId"),
            Boolean.TRUE.equals(input.bool("Overwrite")),
            user);
    return Json.object().put("Version", version).put("Tier", "Standard");
  }

  /** Resolve {@code name} or {@code name:version}; null when the parameter does not exist. */
  Resolved resolve(String selector) {
    int colon = selector.lastIndexOf(':');
    String name = selector;
    String version = null;
    if (colon > 0 && selector.indexOf(':') == colon) {
      name = selector.substring(0, colon);
      version = selector.substring(colon + 1);
    }
    StoredParameter parameter = parameters.get(name);
    if (parameter == null) {
      return null;
    }
    if (version == null) {
      return new Resolved(parameter, parameter.latest(), null);
    }
    for (Version candidate : parameter.history) {
      if (Long.toString(candidate.version()).equals(version)) {
        return new Resolved(parameter, candidate, ":" + version);
      }
    }
    throw AwsError.of(
        "ParameterVersionNotFound",
        "Systems Manager could not find version "
            + version
            + " of "
            + name
            + ". Verify the version and try again.");
  }

  record Resolved(StoredParameter parameter, Version version, String selector) {}

  /** Write a Parameter structure as GetParameter returns it. */
  static ObjectNode output(Resolved resolved, boolean decrypt) {
    Version version = resolved.version();
    boolean encrypted = version.ciphertext() != null && !decrypt;
    ObjectNode node =
        Json.object()
            .put("Name", resolved.parameter().name)
            .put("Type", version.type())
            .put("Value", encrypted ? version.ciphertext() : version.value())
            .put("Version", version.version());
    if (resolved.selector() != null) {
      node.put("Selector", resolved.selector());
    }
    Json.putTimestamp(node, "LastModifiedDate", version.lastModifiedDate());
    node.put("ARN", resolved.parameter().arn).put("DataType", "text");
    return node;
  }

  private ObjectNode getParameter(Input input) {
    String name = input.string("Name");
    new Validation().required("name", name).check();
    Resolved resolved = resolve(name);
    if (resolved == null) {
      throw notFound();
    }
    ObjectNode output = Json.object();
    output.set("Parameter", output(resolved, Boolean.TRUE.equals(input.bool("WithDecryption"))));
    return output;
  }

  private ObjectNode getParameters(Input input) {
    List<String> names = input.stringList("Names");
    new Validation().required("names", names).size("names", names, 10).check();
    boolean decrypt = Boolean.TRUE.equals(input.bool("WithDecryption"));
    ObjectNode output = Json.object();
    ArrayNode found = output.putArray("Parameters");
    ArrayNode invalid = output.putArray("InvalidParameters");
    for (String name : names) {
      Resolved resolved;
      try {
        resolved = resolve(name);
      } catch (AwsError versionNotFound) {
        resolved = null;
      }
      if (resolved == null) {
        invalid.add(name);
      } else {
        found.add(output(resolved, decrypt));
      }
    }
    return output;
  }

  private ObjectNode deleteParameter(Input input) {
    String name = input.string("Name");
    new Validation().required("name", name).check();
    if (parameters.remove(name) == null) {
      throw notFound();
    }
    return Json.object();
  }

  private ObjectNode deleteParameters(Input input) {
    List<String> names = input.stringList("Names");
    new Validation().required("names", names).size("names", names, 10).check();
    ObjectNode output = Json.object();
    ArrayNode deleted = output.putArray("DeletedParameters");
    ArrayNode invalid = output.putArray("InvalidParameters");
    for (String name : new ArrayList<>(names)) {
      (parameters.remove(name) != null ? deleted : invalid).add(name);
    }
    return output;
  }
}
