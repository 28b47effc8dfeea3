package dev.lambdalocal.cli;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.LocalLambda;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The functions {@code serve} runs for an API: its {@code --function NAME=handler} options matched
 * against the functions the definition names, each built on first use with the offline account's
 * environment and initialized at once, so a handler that cannot start fails at start-up.
 */
final class ServedFunctions {

  private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final Map<String, String> handlers;
  private final List<Path> entries;
  private final Path envFile;
  private final String region;
  private final PrintStream err;
  private final OfflineAccount account;
  private final List<AutoCloseable> resources;
  private final Map<String, LocalLambda> lambdas = new LinkedHashMap<>();
  private final Set<String> missing = new LinkedHashSet<>();

  ServedFunctions(
      Map<String, String> handlers,
      List<Path> entries,
      Path envFile,
      String region,
      PrintStream err,
      OfflineAccount account,
      List<AutoCloseable> resources) {
    this.handlers = handlers;
    this.entries = entries;
    this.envFile = envFile;
    this.region = region;
    this.err = err;
    this.account = account;
    this.resources = resources;
  }

  /** Parse the {@code --function NAME=<class[::method]>} options, in order. */
  static Map<String, String> handlers(List<String> functions) {
    Map<String, String> handlers = new LinkedHashMap<>();
    for (String function : functions) {
      int equals = function.indexOf('=');
      String name = equals < 0 ? "" : function.substring(0, equals);
      if (!FUNCTION_NAME.matcher(name).matches() || equals == function.length() - 1) {
        throw new LambdaConfigurationException(
            "--function: expected NAME=<class[::method]>, got '" + function + "'");
      }
      if (handlers.put(name, function.substring(equals + 1)) != null) {
        throw new LambdaConfigurationException("--function: " + name + " is given twice");
      }
    }
    return handlers;
  }

  /** Return the function the definition names, built once; empty when no option gives it. */
  Optional<LocalLambda> function(String name) {
    String handler = handlers.get(name);
    if (handler == null) {
      missing.add(name);
      return Optional.empty();
    }
    return Optional.of(
        lambdas.computeIfAbsent(
            name,
            n -> {
              LocalLambda lambda = build(n, handler);
              resources.add(lambda);
              return lambda;
            }));
  }

  /** Explain a definition the gateway refused, naming the functions it lacked if any. */
  LambdaConfigurationException definitionError(Path api, IllegalArgumentException e) {
    if (!missing.isEmpty()) {
      return new LambdaConfigurationException(
          api
              + ": functions named in the file but given no --function: "
              + String.join(", ", missing)
              + " (add --function NAME=<class[::method]> for each)");
    }
    return new LambdaConfigurationException(e.getMessage(), e);
  }

  /** Refuse a {@code --function} that the definition does not name. */
  void checkAllNamed(Path api) {
    for (String name : handlers.keySet()) {
      if (!lambdas.containsKey(name)) {
        throw new LambdaConfigurationException(
            "--function "
                + name
                + "="
                + handlers.get(name)
                + ": "
                + api
                + " names no function "
                + name
                + (lambdas.isEmpty()
                    ? ""
                    : " (it names " + String.join(", ", lambdas.keySet()) + ")"));
      }
    }
  }

  /** Return {@code NAME=handler} of each function served. */
  List<String> described() {
    List<String> described = new ArrayList<>();
    lambdas.forEach((name, lambda) -> described.add(name + "=" + handlers.get(name)));
    return List.copyOf(described);
  }

  private LocalLambda build(String name, String handler) {
    StartupConsole console = new StartupConsole(err);
    // The function's AWS clients reach the offline account (AWS_ENDPOINT_URL, minted
    // credentials, the extension's API), never AWS.
    LocalLambda.Builder builder =
        account.configure(
            LocalLambda.builder()
                .handler(handler)
                .functionName(name)
                .region(region)
                .console(console.printStream()));
    if (entries != null) {
      builder.classpath(entries);
    }
    if (envFile != null) {
      builder.environmentFile(envFile);
    }
    HandlerClasses.check(name, handler, entries);
    LocalLambda lambda = builder.build();
    // The init phase runs now, so that a handler that cannot start fails at start-up, not on the
    // first request.
    LambdaError error = lambda.initialize();
    if (error != null) {
      // One line, the error below; not the init log with its stack trace (docs/cli.md).
      console.discard();
      lambda.close();
      throw new LambdaConfigurationException(
          "--function " + name + "=" + handler + ": " + error.errorMessage());
    }
    console.release();
    return lambda;
  }
}
