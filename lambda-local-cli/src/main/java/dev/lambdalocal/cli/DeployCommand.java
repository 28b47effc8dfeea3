package dev.lambdalocal.cli;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.deploy.DeployTarget;
import dev.lambdalocal.deploy.Deployer;
import dev.lambdalocal.deploy.DeploymentConfig;
import dev.lambdalocal.deploy.DeploymentPlan;
import dev.lambdalocal.deploy.DeploymentResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The {@code deploy} command: {@link Deployer} over a configuration file, against the endpoint,
 * profile and region given (the offline Lambda service of {@code serve --lambda-service}, or AWS).
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Create a Lambda function from a deployment configuration, or update its code and then its"
          + " configuration, waiting for each update to finish.",
      "Standard output receives the plan, then 'Deployed: <function ARN>'; standard error each"
          + " step as it runs. With --dry-run, only the plan: nothing changes."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:deployed (or planned)",
      "1:Lambda refused a step (its error is printed)",
      "2:usage or configuration error"
    })
final class DeployCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      required = true,
      paramLabel = "<file>",
      description =
          "The deployment configuration, YAML or JSON: name, handler, runtime, memory, timeout,"
              + " role, environment, zip.")
  Path config;

  @Option(
      names = "--zip",
      paramLabel = "<file>",
      description = "The deployment package, instead of the configuration's zip.")
  Path zip;

  @Option(
      names = "--memory-size",
      paramLabel = "<MB>",
      description = "The memory, instead of the configuration's (make setmem's successor).")
  Integer memorySize;

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @Option(
      names = "--endpoint-url",
      paramLabel = "<url>",
      description = "The Lambda endpoint, e.g. serve's 'Lambda:' line (default: AWS's).")
  URI endpoint;

  @Option(
      names = "--profile",
      paramLabel = "<name>",
      description = "The AWS profile (default: the SDK's chain: AWS_PROFILE, default).")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "<region>",
      description = "The region (default: the SDK's chain: AWS_REGION, the profile's).")
  String region;

  private final PrintStream out;
  private final PrintStream err;

  DeployCommand(OutputStream out, PrintStream err) {
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.err = err;
  }

  @Override
  public Integer call() {
    DeploymentConfig deployment;
    try {
      deployment = DeploymentConfig.read(config);
      if (zip != null) {
        deployment = deployment.withZip(zip.toAbsolutePath());
      }
      if (memorySize != null) {
        deployment = deployment.withMemorySize(memorySize);
      }
    } catch (IllegalArgumentException e) {
      throw new LambdaConfigurationException(e.getMessage(), e);
    }
    try (LambdaClient client = new DeployTarget(endpoint, profile, region).createClient()) {
      Deployer deployer = Deployer.create(client, err);
      if (dryRun) {
        DeploymentPlan plan = deployer.plan(deployment);
        out.print(plan.describe());
        out.println("Dry run: nothing changed.");
        return LambdaLocalCli.SUCCESS;
      }
      DeploymentResult result = deployer.deploy(deployment);
      out.print(result.plan().describe());
      out.println("Deployed: " + result.functionArn());
      return LambdaLocalCli.SUCCESS;
    } catch (IllegalArgumentException e) {
      throw new LambdaConfigurationException(e.getMessage(), e);
    } catch (SdkException e) {
      err.println("lambda-local deploy: " + deployment.name() + ": " + e.getMessage());
      return 1;
    }
  }
}
