package dev.lambdalocal.deploy;

import dev.lambdalocal.deploy.internal.Plans;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Makes a Lambda function match a {@link DeploymentConfig}, through any {@link LambdaClient}: the
 * offline service's, or one for real AWS ({@link DeployTarget#createClient()}). A function that
 * does not exist is created (and awaited until {@code Active}); one that exists gets its code
 * updated, then, once {@code LastUpdateStatus} is {@code Successful} as AWS requires, its
 * configuration (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).
 *
 * <pre>{@code
 * try (LambdaClient client = new DeployTarget(null, "prod", "eu-west-1").createClient()) {
 *   Deployer deployer = Deployer.create(client, System.out);
 *   System.out.print(deployer.plan(DeploymentConfig.read(Path.of("lambda.yaml"))).describe());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Deployer {

  private final LambdaClient client;
  private final PrintStream progress;

  private Deployer(LambdaClient client, PrintStream progress) {
    this.client = Objects.requireNonNull(client, "client");
    this.progress = progress;
  }

  /**
   * Deploy through {@code client}, reporting each step carried out to {@code progress}.
   *
   * @param client the client; the caller closes it
   * @param progress where to write one line per step, or null for silence
   * @return the deployer
   */
  public static Deployer create(LambdaClient client, PrintStream progress) {
    return new Deployer(client, progress);
  }

  /**
   * Compute what {@link #deploy(DeploymentConfig)} would do, changing nothing (the {@code
   * --dry-run}): only {@code GetFunction} is called.
   *
   * @param config the desired function
   * @return the plan
   * @throws IllegalArgumentException naming the package when it cannot be read
   */
  public DeploymentPlan plan(DeploymentConfig config) {
    return Plans.plan(config, zip(config), current(config.name()));
  }

  /**
   * Create or update the function, waiting between steps as AWS requires.
   *
   * @param config the desired function
   * @return what was done and the function's state afterwards
   * @throws software.amazon.awssdk.services.lambda.model.LambdaException as the service answers
   */
  public DeploymentResult deploy(DeploymentConfig config) {
    byte[] zip = zip(config);
    Optional<FunctionConfiguration> current = current(config.name());
    DeploymentPlan plan = Plans.plan(config, zip, current);
    String name = config.name();
    if (plan.action() == DeploymentPlan.Action.CREATE) {
      report("creating " + name);
      client.createFunction(
          r ->
              r.functionName(name)
                  .runtime(config.runtime())
                  .handler(config.handler())
                  .role(config.role())
                  .memorySize(config.memorySize())
                  .timeout(config.timeoutSeconds())
                  .description(config.description())
                  .environment(e -> e.variables(config.environment()))
                  .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
      report("waiting until " + name + " is Active");
      client.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
    } else if (plan.action() == DeploymentPlan.Action.UPDATE) {
      // A change still in progress (another deployment) would refuse ours.
      client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
      if (Plans.codeChanged(zip, current.orElseThrow())) {
        report("updating the code of " + name);
        client.updateFunctionCode(r -> r.functionName(name).zipFile(SdkBytes.fromByteArray(zip)));
        report("waiting until the update of " + name + " is Successful");
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
      }
      if (Plans.configurationChanged(config, current.orElseThrow())) {
        report("updating the configuration of " + name);
        client.updateFunctionConfiguration(
            r ->
                r.functionName(name)
                    .runtime(config.runtime())
                    .handler(config.handler())
                    .role(config.role())
                    .memorySize(config.memorySize())
                    .timeout(config.timeoutSeconds())
                    .description(config.description())
                    .environment(e -> e.variables(config.environment())));
        report("waiting until the update of " + name + " is Successful");
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
      }
    }
    FunctionConfiguration after = client.getFunction(r -> r.functionName(name)).configuration();
    report("deployed " + after.functionArn());
    return new DeploymentResult(plan, after.functionArn(), after.codeSha256(), after.memorySize());
  }

  private Optional<FunctionConfiguration> current(String name) {
    try {
      return Optional.of(client.getFunction(r -> r.functionName(name)).configuration());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private static byte[] zip(DeploymentConfig config) {
    try {
      return Files.readAllBytes(config.zip());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "Deployment package not found: " + config.zip() + " (build it first)");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + config.zip(), e);
    }
  }

  private void report(String step) {
    if (progress != null) {
      progress.println(step);
    }
  }
}
