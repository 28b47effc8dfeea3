package dev.lambdalocal.maven;

import dev.lambdalocal.deploy.DeployTarget;
import dev.lambdalocal.deploy.Deployer;
import dev.lambdalocal.deploy.DeploymentConfig;
import dev.lambdalocal.deploy.DeploymentPlan;
import dev.lambdalocal.deploy.DeploymentResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Create the function of a deployment configuration, or update its code and then its configuration,
 * waiting for {@code LastUpdateStatus} between the two, as {@code lambda-local deploy} does (the
 * old {@code make create}/{@code deploy}/{@code setmem}). Not bound to a phase: run it as {@code
 * mvn package lambda-local:deploy}. See {@code docs/deploy.md}.
 *
 * @since 0.1.0
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractMojo {

  /** The deployment configuration, YAML or JSON. */
  @Parameter(
      property = "lambda-local.deploy.config",
      defaultValue = "${project.basedir}/lambda-local-deploy.yaml",
      required = true)
  private File config;

  /** The deployment package, instead of the configuration's {@code zip}. */
  @Parameter(property = "lambda-local.deploy.zip")
  private File zip;

  /** The memory in MB, instead of the configuration's (the old {@code make setmem}). */
  @Parameter(property = "lambda-local.deploy.memorySize")
  private Integer memorySize;

  /** Print the plan and change nothing. */
  @Parameter(property = "lambda-local.deploy.dryRun", defaultValue = "false")
  private boolean dryRun;

  /** The Lambda endpoint, e.g. the offline service's (default: AWS's). */
  @Parameter(property = "lambda-local.deploy.endpointUrl")
  private String endpointUrl;

  /** The AWS profile (default: the SDK's chain). */
  @Parameter(property = "lambda-local.deploy.profile")
  private String profile;

  /** The region (default: the SDK's chain). */
  @Parameter(property = "lambda-local.deploy.region")
  private String region;

  /** Skip the goal. */
  @Parameter(property = "lambda-local.deploy.skip", defaultValue = "false")
  private boolean skip;

  /** Create the goal; Maven sets its parameters. */
  public DeployMojo() {}

  /** Deploy, or print the plan of a dry run. */
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping lambda-local:deploy");
      return;
    }
    DeploymentConfig deployment;
    URI endpoint;
    try {
      deployment = DeploymentConfig.read(config.toPath());
      if (zip != null) {
        deployment = deployment.withZip(zip.toPath().toAbsolutePath());
      }
      if (memorySize != null) {
        deployment = deployment.withMemorySize(memorySize);
      }
      endpoint = endpointUrl == null ? null : URI.create(endpointUrl);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    try (LambdaClient client = new DeployTarget(endpoint, profile, region).createClient();
        PrintStream progress =
            new PrintStream(new LogLines(getLog()), true, StandardCharsets.UTF_8)) {
      Deployer deployer = Deployer.create(client, progress);
      if (dryRun) {
        DeploymentPlan plan = deployer.plan(deployment);
        plan.describe().lines().forEach(getLog()::info);
        getLog().info("Dry run: nothing changed.");
        return;
      }
      DeploymentResult result = deployer.deploy(deployment);
      result.plan().describe().lines().forEach(getLog()::info);
      getLog().info("Deployed: " + result.functionArn());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (SdkException e) {
      throw new MojoFailureException("Lambda refused the deployment: " + e.getMessage(), e);
    }
  }

  /** Forwards each line the deployer prints to Maven's log. */
  private static final class LogLines extends OutputStream {
    private final Log log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogLines(Log log) {
      this.log = log;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        flushLine();
      } else {
        line.write(b);
      }
    }

    @Override
    public void close() {
      flushLine();
    }

    private void flushLine() {
      if (line.size() > 0) {
        log.info(line.toString(StandardCharsets.UTF_8));
        line.reset();
      }
    }
  }
}
