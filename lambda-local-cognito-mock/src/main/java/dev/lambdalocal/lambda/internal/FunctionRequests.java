package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Validation;
import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.internal.env.LambdaVariables;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks the members of CreateFunction, the updates and the aliases. */
final class FunctionRequests {

  /**
   * The Java runtimes lambda-local runs
   * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html).
   */
  static final Set<String> JAVA_RUNTIMES =
      Set.of("java8.al2", "java11", "java17", "java21", "java25");

  // The Role pattern of Lambda's service model.
  private static final String ROLE =
      "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
  private static final String ALIAS = "(?!^[0-9]+$)([a-zA-Z0-9-_]+)";
  private static final String VERSION = "(\\$LATEST|[0-9]+)";

  private final FunctionNames names;

  FunctionRequests(FunctionNames names) {
    this.names = names;
  }

  /** A checked CreateFunction request. */
  record Create(String name, FunctionSettings settings, byte[] zip, boolean publish) {}

  Create create(Input input) {
    String functionName = input.string("FunctionName");
    String role = input.string("Role");
    Long memory = input.integer("MemorySize");
    Long timeout = input.integer("Timeout");
    Map<String, String> environment = environment(input);
    new Validation()
        .required("functionName", functionName)
        .required("role", role)
        .string("role", role, ROLE, 0, 2048)
        .range("memorySize", memory, 128, 10240)
        .range("timeout", timeout, 1, 900)
        .check();
    FunctionNames.Parsed parsed = names.parse(functionName);
    if (!FunctionNames.PLAIN_NAME.matcher(parsed.name()).matches() || parsed.qualifier() != null) {
      throw FunctionNames.validation(
          functionName, "functionName", FunctionNames.PLAIN_NAME.pattern());
    }
    if (input.string("PackageType") != null && !"Zip".equals(input.string("PackageType"))) {
      throw ApiError.invalidParameter(
          "lambda-local runs ZIP packages only; PackageType "
              + input.string("PackageType")
              + " is not supported offline.");
    }
    String runtime = input.string("Runtime");
    String handler = input.string("Handler");
    if (runtime == null || handler == null) {
      // AWS's text for a ZIP package without them.
      throw ApiError.invalidParameter(
          "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
    }
    checkRuntime(runtime);
    Map<String, Object> code = codeMembers(input);
    byte[] zip = zipFile((String) code.get("ZipFile"), (String) code.get("S3Bucket"));
    FunctionSettings settings =
        new FunctionSettings(
            handler,
            runtime,
            role,
            input.string("Description"),
            memory == null ? FunctionSettings.DEFAULT_MEMORY : memory.intValue(),
            timeout == null ? FunctionSettings.DEFAULT_TIMEOUT : timeout.intValue(),
            environment);
    return new Create(parsed.name(), settings, zip, Boolean.TRUE.equals(input.bool("Publish")));
  }

  private static Map<String, Object> codeMembers(Input input) {
    Map<String, Object> members = new java.util.HashMap<>();
    Input code = input.structure("Code");
    if (code == null) {
      new Validation().required("code", null).check();
    }
    members.put("ZipFile", code.string("ZipFile"));
    members.put("S3Bucket", code.string("S3Bucket"));
    return members;
  }

  /** Decode {@code ZipFile}; S3 locations are not available offline. */
  byte[] zipFile(String zipFile, String s3Bucket) {
    if (zipFile == null) {
      throw ApiError.invalidParameter(
          s3Bucket != null
              ? "lambda-local has no S3: upload the package as ZipFile (aws lambda ... --zip-file fileb://…)."
              : "Please provide a source for function code.");
    }
    try {
      return Base64.getDecoder().decode(zipFile);
    } catch (IllegalArgumentException e) {
      throw ApiError.cannotUnzip();
    }
  }

  /** Return {@code view}'s settings with the members of UpdateFunctionConfiguration applied. */
  FunctionSettings updatedSettings(FunctionStore.View view, Input input) {
    FunctionSettings current = view.version().settings();
    String role = input.string("Role");
    Long memory = input.integer("MemorySize");
    Long timeout = input.integer("Timeout");
    new Validation()
        .string("role", role, ROLE, 0, 2048)
        .range("memorySize", memory, 128, 10240)
        .range("timeout", timeout, 1, 900)
        .check();
    String runtime = input.string("Runtime");
    if (runtime != null) {
      checkRuntime(runtime);
    }
    Map<String, String> environment = environment(input);
    return new FunctionSettings(
        or(input.string("Handler"), current.handler()),
        or(runtime, current.runtime()),
        or(role, current.role()),
        or(input.string("Description"), current.description()),
        memory == null ? current.memorySize() : memory.intValue(),
        timeout == null ? current.timeout() : timeout.intValue(),
        environment == null ? current.environment() : environment);
  }

  /** Resolve the function and qualifier an operation names: in the name, or {@code Qualifier}. */
  FunctionNames.Parsed target(String functionName, Optional<String> qualifier) {
    FunctionNames.Parsed parsed = names.parse(functionName);
    if (qualifier.isEmpty()) {
      return parsed;
    }
    if (parsed.qualifier() != null && !parsed.qualifier().equals(qualifier.get())) {
      throw ApiError.invalidParameter(
          "The derived qualifier from the function name does not match the specified qualifier.");
    }
    return new FunctionNames.Parsed(parsed.name(), qualifier.get(), parsed.foreign());
  }

  static void checkAlias(String name, String functionVersion) {
    new Validation()
        .required("name", name)
        .required("functionVersion", functionVersion)
        .string("name", name, ALIAS, 1, 128)
        .string("functionVersion", functionVersion, VERSION, 1, 1024)
        .check();
  }

  private static Map<String, String> environment(Input input) {
    Input environment = input.structure("Environment");
    if (environment == null) {
      return null;
    }
    Map<String, String> variables = environment.stringMap("Variables");
    variables = variables == null ? Map.of() : variables;
    try {
      LambdaVariables.checkUserVariables(variables);
    } catch (LambdaConfigurationException e) {
      throw ApiError.invalidParameter(e.getMessage());
    }
    return variables;
  }

  private static void checkRuntime(String runtime) {
    if (!JAVA_RUNTIMES.contains(runtime)) {
      throw ApiError.invalidParameter(
          "lambda-local runs Java functions only: runtime "
              + runtime
              + " is not one of "
              + String.join(", ", JAVA_RUNTIMES.stream().sorted().toList())
              + ".");
    }
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
