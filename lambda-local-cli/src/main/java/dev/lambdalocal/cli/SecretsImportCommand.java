package dev.lambdalocal.cli;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.ssm.CredsFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * {@code lambda-local secrets import FILE}: the migration off the old framework's {@code env.py}.
 * Each {@code KEY=value} of an old creds file becomes a SecureString parameter {@code
 * <prefix><KEY>}: written to a secrets file that {@code @WithOfflineAccount(file = …)} reads
 * ({@code --to-file}), put into a running offline account ({@code --endpoint}), or put into a real
 * account's Parameter Store ({@code --profile}, never by default).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Load an old-style KEY=value creds file as SecureString parameters <prefix><KEY>: into a"
          + " secrets file for @WithOfflineAccount (--to-file), an offline account (--endpoint),"
          + " or a real account's Parameter Store (--profile).",
      "Standard output lists the parameter names written, one a line; values are never printed."
    })
final class SecretsImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The KEY=value file.")
  Path file;

  @Option(
      names = "--prefix",
      defaultValue = "/",
      paramLabel = "</path/>",
      description = "The path the parameters go under, e.g. /app/dev/ (default: /).")
  String prefix;

  @Option(
      names = "--to-file",
      paramLabel = "<secrets.json>",
      description = "Write (or merge into) this secrets file instead of calling a service.")
  Path toFile;

  @Option(
      names = "--endpoint",
      paramLabel = "<url>",
      description = "An offline account's endpoint, e.g. http://127.0.0.1:4566.")
  URI endpoint;

  @Option(
      names = "--profile",
      paramLabel = "<name>",
      description = "An AWS profile: writes to that real account's Parameter Store.")
  String profile;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      paramLabel = "<region>",
      description = "The region (default: us-east-1).")
  String region;

  private final PrintStream out;
  private final PrintStream err;

  SecretsImportCommand(java.io.OutputStream out, PrintStream err) {
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    int targets = (toFile != null ? 1 : 0) + (endpoint != null ? 1 : 0) + (profile != null ? 1 : 0);
    if (targets != 1) {
      err.println(
          "lambda-local secrets import: give exactly one of --to-file, --endpoint, --profile");
      return LambdaLocalCli.USAGE_ERROR;
    }
    Map<String, String> parameters;
    try {
      parameters = CredsFile.read(file).parameters(prefix);
    } catch (IllegalArgumentException e) {
      err.println("lambda-local secrets import: " + e.getMessage());
      return LambdaLocalCli.USAGE_ERROR;
    }
    if (toFile != null) {
      writeFile(parameters);
    } else {
      try (SsmClient ssm = client()) {
        parameters.forEach(
            (name, value) ->
                ssm.putParameter(
                    r -> r.name(name).value(value).type("SecureString").overwrite(true)));
      }
    }
    parameters.keySet().forEach(out::println);
    return LambdaLocalCli.SUCCESS;
  }

  private SsmClient client() {
    SsmClientBuilder builder =
        SsmClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      return builder
          .endpointOverride(endpoint)
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(
                      OfflineAccount.ACCESS_KEY_ID, OfflineAccount.SECRET_KEY)))
          .build();
    }
    return builder.credentialsProvider(ProfileCredentialsProvider.create(profile)).build();
  }

  private void writeFile(Map<String, String> parameters) throws IOException {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root =
        Files.exists(toFile)
            ? (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(toFile.toFile())
            : mapper.createObjectNode();
    com.fasterxml.jackson.databind.node.ObjectNode section = root.with("parameters");
    parameters.forEach(
        (name, value) -> section.putObject(name).put("type", "SecureString").put("value", value));
    Files.writeString(
        toFile,
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
  }
}
