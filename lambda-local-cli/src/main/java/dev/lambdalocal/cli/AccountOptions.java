package dev.lambdalocal.cli;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.account.internal.OnDemandAccount;
import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of the offline account that {@code run} and {@code serve} share, applied to an {@link
 * OfflineAccount.Builder} with errors that name the option at fault, and {@code run}'s own
 * (specified in code, as {@code run} is: see {@link Specs}).
 */
final class AccountOptions {

  /** The port of the Parameters and Secrets Lambda Extension's local API when not given. */
  static final int EXTENSION_PORT = 2773;

  /** How {@code run}'s messages name it and its options. */
  private static final OnDemandAccount.Wording RUN =
      new OnDemandAccount.Wording("lambda-local run: ", "--account-port", "--extension-port");

  /** The description of {@code --secrets-file}. */
  static final String SECRETS_FILE =
      "Secrets and parameters the offline account starts with: {\"secrets\": {...},"
          + " \"parameters\": {...}} (docs/secrets.md).";

  /** The description of {@code --service-endpoint}. */
  static final String SERVICE_ENDPOINT =
      "Point the functions' clients of one service elsewhere, e.g."
          + " dynamodb=http://127.0.0.1:8000 for DynamoDB Local: they get"
          + " AWS_ENDPOINT_URL_<SERVICE>, which the AWS SDKs prefer to AWS_ENDPOINT_URL;"
          + " repeatable.";

  private AccountOptions() {}

  /** Add {@code run}'s options of the offline account to its specification. */
  static void addRunOptions(CommandSpec spec) {
    option(
        spec,
        Path.class,
        "<secrets.json>",
        SECRETS_FILE
            + " The function reaches the offline account through AWS_ENDPOINT_URL, with"
            + " credentials the account minted; it starts when the function first calls it.",
        "--secrets-file");
    spec.addOption(
        OptionSpec.builder("--service-endpoint")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .initialValue(new ArrayList<String>())
            .paramLabel("<SERVICE=URL>")
            .description(SERVICE_ENDPOINT)
            .build());
    option(
        spec,
        Integer.class,
        "<port>",
        "The offline account's port, the function's AWS_ENDPOINT_URL (default: a free one).",
        "--account-port");
    option(
        spec,
        Integer.class,
        "<port>",
        "The port of the Parameters and Secrets Lambda Extension's local API (default: 2773, the"
            + " extension's, or a free one when 2773 is in use; 0 for a free one).",
        "--extension-port");
    spec.addOption(
        OptionSpec.builder("--no-offline-account")
            .type(boolean.class)
            .initialValue(false)
            .description(
                "Run without the offline account: no endpoint variables, lambda-local's dummy"
                    + " credentials; the function's AWS clients then reach AWS (which refuses"
                    + " those credentials) unless --env points them elsewhere.")
            .build());
  }

  private static void option(
      CommandSpec spec, Class<?> type, String label, String description, String name) {
    spec.addOption(
        OptionSpec.builder(name).type(type).paramLabel(label).description(description).build());
  }

  /**
   * Return the offline account of a {@code run} of {@code spec}, its ports bound but not started
   * (it starts when the function needs it: see {@link OnDemandAccount}), or null with {@code
   * --no-offline-account}.
   *
   * @param err where a failure to start the account is reported
   * @param quiet whether not to print a notice when the extension's port 2773 is taken
   * @throws LambdaConfigurationException naming the option at fault
   */
  static OnDemandAccount openForRun(
      CommandSpec spec, String region, PrintStream err, boolean quiet) {
    Integer accountPort = port(spec, "--account-port");
    Integer extensionPort = port(spec, "--extension-port");
    Path secretsFile = spec.findOption("--secrets-file").getValue();
    List<String> serviceEndpoints = spec.findOption("--service-endpoint").getValue();
    if (spec.findOption("--no-offline-account").<Boolean>getValue()) {
      String combined =
          accountPort != null
              ? "--account-port"
              : extensionPort != null
                  ? "--extension-port"
                  : secretsFile != null
                      ? "--secrets-file"
                      : !serviceEndpoints.isEmpty() ? "--service-endpoint" : null;
      if (combined != null) {
        throw new LambdaConfigurationException(
            "--no-offline-account: cannot be combined with " + combined);
      }
      return null;
    }
    return OnDemandAccount.open(
        builder(region, secretsFile, serviceEndpoints),
        accountPort != null ? accountPort : 0,
        extensionPort != null ? extensionPort : EXTENSION_PORT,
        extensionPort != null,
        RUN,
        err,
        quiet ? null : port -> extensionPortMoved(err, port));
  }

  /** The notice of a {@code run} whose extension API could not have port 2773. */
  private static void extensionPortMoved(PrintStream err, int port) {
    err.println(
        "lambda-local run: port "
            + EXTENSION_PORT
            + " (the Parameters and Secrets extension's) is in use; this run's extension API"
            + " listens on "
            + port
            + ", as PARAMETERS_SECRETS_EXTENSION_HTTP_PORT says (--extension-port chooses)");
    err.flush();
  }

  private static Integer port(CommandSpec spec, String option) {
    Integer port = spec.findOption(option).getValue();
    if (port != null && (port < 0 || port > 65535)) {
      throw new LambdaConfigurationException(option + ": must be 0 to 65535, got " + port);
    }
    return port;
  }

  /**
   * Return a builder of the account of {@code region} with the secrets of {@code secretsFile} (or
   * none when null) and the {@code SERVICE=URL} of each {@code --service-endpoint}.
   *
   * @throws LambdaConfigurationException naming the option at fault
   */
  static OfflineAccount.Builder builder(
      String region, Path secretsFile, List<String> serviceEndpoints) {
    OfflineAccount.Builder builder =
        setting("--region", () -> OfflineAccount.builder().region(region));
    if (secretsFile != null) {
      setting("--secrets-file", () -> builder.file(secretsFile));
    }
    for (String mapping : serviceEndpoints) {
      int equals = mapping.indexOf('=');
      if (equals <= 0) {
        throw new LambdaConfigurationException(
            "--service-endpoint: expected SERVICE=URL (e.g. dynamodb=http://127.0.0.1:8000), got '"
                + mapping
                + "'");
      }
      String service = mapping.substring(0, equals);
      String url = mapping.substring(equals + 1);
      setting("--service-endpoint", () -> builder.serviceEndpoint(service, URI.create(url)));
    }
    return builder;
  }

  /** Run a builder step, reporting its IllegalArgumentException as a mistake in {@code option}. */
  static <T> T setting(String option, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new LambdaConfigurationException(option + ": " + e.getMessage(), e);
    }
  }
}
