package dev.lambdalocal.cli;

import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiRequest;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.core.Events;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code connect} command, the old framework's {@code make connect}: one request to an API
 * Gateway API, signed with the credentials of a Cognito identity that is cached per environment in
 * the working directory's {@code .lambda-local/} folder.
 *
 * <p>Standard output receives the HTTP status code alone on the first line, then the response body
 * exactly as received, then a line break if the body is not empty and does not end with one.
 */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Send one request to an API Gateway API as a Cognito identity, signed with SigV4 (service"
          + " execute-api), against './lambda-local serve' or AWS.",
      "Standard output receives the HTTP status code on the first line, then the response body"
          + " (followed by a line break if it has none). Standard error names the identity.",
      "The identity is cached per --env in ./.lambda-local/identity_<env>.json and reused while"
          + " Cognito knows it.",
      "%%IDENTITY_ID%% and %%IDENTITY_POOL_ID%% in the payload become the caller's identity."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:an HTTP status 2xx",
      "1:any other HTTP status",
      "2:usage or configuration error, or no answer (Cognito refused, the API was unreachable)"
    })
final class ConnectCommand implements Callable<Integer> {

  @Option(
      names = "--endpoint",
      required = true,
      paramLabel = "</path>",
      description = "The path below the API's base URL, e.g. /whoami; may carry a ?query.")
  String endpoint;

  @Option(
      names = {"--method", "-X"},
      paramLabel = "<method>",
      defaultValue = "GET",
      description = "GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--query",
      paramLabel = "<name=value>",
      description = "A query string parameter; repeatable (the same name twice gives two values).")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--payload",
      paramLabel = "<file.json>",
      description = "The JSON request body, sent with Content-Type: application/json.")
  Path payload;

  @Option(
      names = "--api-url",
      required = true,
      paramLabel = "<url>",
      description =
          "The API's base URL: 'API:' of serve, or https://<id>.execute-api.<region>"
              + ".amazonaws.com/<stage>/.")
  String apiUrl;

  @Option(
      names = "--cognito-url",
      paramLabel = "<url>",
      description =
          "The Cognito Identity endpoint: 'Cognito:' of serve (default: AWS's, of the region).")
  String cognitoUrl;

  @Option(
      names = "--identity-pool-id",
      required = true,
      paramLabel = "<id>",
      description = "The identity pool, <region>:<uuid>: 'Identity pool:' of serve.")
  String identityPoolId;

  @Option(
      names = "--region",
      paramLabel = "<region>",
      description = "The region of Cognito and of the signature (default: the pool id's).")
  String region;

  @Option(
      names = "--env",
      paramLabel = "<name>",
      defaultValue = "default",
      description =
          "The environment whose cached identity is used: .lambda-local/identity_<name>.json"
              + " (default: ${DEFAULT-VALUE}).")
  String environment;

  private final OutputStream out;
  private final PrintStream err;

  /** Where the {@code .lambda-local/} folder is; tests in this JVM change it. */
  Path workingDirectory = Path.of("");

  ConnectCommand(OutputStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Send the request, print its status and body, and return the exit status. */
  @Override
  public Integer call() throws IOException {
    ApiClient.Builder builder = ApiClient.builder();
    setting("--api-url", () -> builder.baseUri(apiUrl));
    if (cognitoUrl != null) {
      setting("--cognito-url", () -> builder.cognitoEndpoint(URI.create(cognitoUrl)));
    }
    setting("--identity-pool-id", () -> builder.identityPoolId(identityPoolId));
    if (region != null) {
      setting("--region", () -> builder.region(region));
    }
    IdentityCache cache = IdentityCache.in(workingDirectory.toAbsolutePath());
    setting("--env", () -> builder.identityCache(cache, environment));
    ApiResponse response;
    try (ApiClient client = builder.build()) {
      ApiRequest request = setting("--method", () -> client.request(method, endpoint));
      for (String parameter : query) {
        int equals = parameter.indexOf('=');
        if (equals < 1) {
          throw new LambdaConfigurationException(
              "--query: expected name=value, got '" + parameter + "'");
        }
        request.query(parameter.substring(0, equals), parameter.substring(equals + 1));
      }
      Identity identity = answer(client::identity);
      if (payload != null) {
        request.json(Events.readJson(payload, Events.placeholders(identity)));
      }
      err.println(
          "lambda-local connect: as "
              + identity.identityId()
              + " (cached in "
              + cache.file(environment)
              + ")");
      err.flush();
      response = answer(request::send);
    }
    byte[] body = response.body();
    out.write((response.statusCode() + "\n").getBytes(StandardCharsets.UTF_8));
    out.write(body);
    if (body.length > 0 && body[body.length - 1] != '\n') {
      out.write('\n');
    }
    out.flush();
    return response.isSuccessful() ? LambdaLocalCli.SUCCESS : LambdaLocalCli.FUNCTION_ERROR;
  }

  /** Run a builder step, reporting its IllegalArgumentException as a mistake in {@code option}. */
  private static <T> T setting(String option, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new LambdaConfigurationException(option + ": " + e.getMessage(), e);
    }
  }

  /** Call Cognito or the API, reporting a refusal or an unreachable server in one line. */
  private static <T> T answer(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalStateException | UncheckedIOException e) {
      throw new LambdaConfigurationException(e.getMessage(), e);
    }
  }
}
