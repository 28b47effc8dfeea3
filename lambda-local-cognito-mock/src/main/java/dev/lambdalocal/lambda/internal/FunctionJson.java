package dev.lambdalocal.lambda.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The Lambda API's JSON shapes: {@code FunctionConfiguration}, {@code AliasConfiguration}. */
final class FunctionJson {

  // "2019-08-14T22:26:11.234+0000", as in the examples of the API reference's CreateFunction page.
  private static final DateTimeFormatter LAST_MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private FunctionJson() {}

  /** Return a version's {@code FunctionConfiguration}. */
  static ObjectNode configuration(FunctionNames names, FunctionStore.View view) {
    FunctionVersion version = view.version();
    FunctionSettings settings = version.settings();
    ObjectNode node = Json.object();
    node.put("FunctionName", version.name());
    node.put(
        "FunctionArn",
        names.arn(
            version.name(),
            version.version().equals(FunctionVersion.LATEST) ? null : version.version()));
    node.put("Runtime", settings.runtime());
    node.put("Role", settings.role());
    node.put("Handler", settings.handler());
    node.put("CodeSize", version.code().size());
    node.put("Description", settings.description());
    node.put("Timeout", settings.timeout());
    node.put("MemorySize", settings.memorySize());
    node.put("LastModified", LAST_MODIFIED.format(version.lastModified()));
    node.put("CodeSha256", version.code().sha256());
    node.put("Version", version.version());
    if (!settings.environment().isEmpty()) {
      ObjectNode variables = node.putObject("Environment").putObject("Variables");
      settings.environment().forEach(variables::put);
    }
    node.putObject("TracingConfig").put("Mode", "PassThrough");
    node.put("RevisionId", version.revisionId());
    node.put("State", view.state());
    if (view.state().equals("Pending")) {
      // The reason AWS gives while a new function is created (functions-states.html).
      node.put("StateReason", "The function is being created.");
      node.put("StateReasonCode", "Creating");
    }
    if (view.lastUpdateStatus() != null) {
      node.put("LastUpdateStatus", view.lastUpdateStatus());
    }
    node.put("PackageType", "Zip");
    node.putArray("Architectures").add("x86_64");
    node.putObject("EphemeralStorage").put("Size", 512);
    node.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
    node.putObject("RuntimeVersionConfig");
    node.putObject("LoggingConfig")
        .put("LogFormat", "Text")
        .put("LogGroup", "/aws/lambda/" + version.name());
    return node;
  }

  /** Return an {@code AliasConfiguration}. */
  static ObjectNode alias(FunctionNames names, String function, AliasRecord alias) {
    ObjectNode node = Json.object();
    node.put("AliasArn", names.arn(function, alias.name()));
    node.put("Name", alias.name());
    node.put("FunctionVersion", alias.functionVersion());
    node.put("Description", alias.description());
    node.put("RevisionId", alias.revisionId());
    return node;
  }
}
