package dev.lambdalocal.deploy.internal;

import dev.lambdalocal.deploy.DeploymentConfig;
import dev.lambdalocal.deploy.DeploymentPlan;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** Compares a desired function with the one Lambda has, and words the difference. */
public final class Plans {

  private Plans() {}

  /** Return the plan that takes {@code current} (empty: absent) to {@code config}. */
  public static DeploymentPlan plan(
      DeploymentConfig config, byte[] zip, Optional<FunctionConfiguration> current) {
    List<String> steps = new ArrayList<>();
    if (current.isEmpty()) {
      steps.add(
          "CreateFunction "
              + config.name()
              + " ("
              + config.runtime()
              + ", handler "
              + config.handler()
              + ", "
              + config.memorySize()
              + " MB, "
              + config.timeoutSeconds()
              + " s, role "
              + config.role()
              + ", "
              + variables(config.environment().keySet().size())
              + ") from "
              + config.zip()
              + " ("
              + zip.length
              + " bytes, CodeSha256 "
              + sha256(zip)
              + ")");
      steps.add("wait until State is Active");
      return new DeploymentPlan(config.name(), DeploymentPlan.Action.CREATE, steps);
    }
    FunctionConfiguration function = current.get();
    if (codeChanged(zip, function)) {
      steps.add(
          "UpdateFunctionCode from "
              + config.zip()
              + " (CodeSha256 "
              + function.codeSha256()
              + " -> "
              + sha256(zip)
              + ")");
      steps.add("wait until LastUpdateStatus is Successful");
    }
    List<String> changes = changes(config, function);
    if (!changes.isEmpty()) {
      steps.add("UpdateFunctionConfiguration: " + String.join(", ", changes));
      steps.add("wait until LastUpdateStatus is Successful");
    }
    return new DeploymentPlan(
        config.name(),
        steps.isEmpty() ? DeploymentPlan.Action.NONE : DeploymentPlan.Action.UPDATE,
        steps);
  }

  /** Return whether the package differs from the function's code. */
  public static boolean codeChanged(byte[] zip, FunctionConfiguration function) {
    return !sha256(zip).equals(function.codeSha256());
  }

  /** Return whether any setting of the configuration differs from the function's. */
  public static boolean configurationChanged(
      DeploymentConfig config, FunctionConfiguration function) {
    return !changes(config, function).isEmpty();
  }

  private static List<String> changes(DeploymentConfig config, FunctionConfiguration function) {
    List<String> changes = new ArrayList<>();
    change(changes, "runtime", function.runtimeAsString(), config.runtime());
    change(changes, "handler", function.handler(), config.handler());
    change(changes, "memory", function.memorySize() + " MB", config.memorySize() + " MB");
    change(changes, "timeout", function.timeout() + " s", config.timeoutSeconds() + " s");
    change(changes, "role", function.role(), config.role());
    change(
        changes,
        "description",
        function.description() == null ? "" : function.description(),
        config.description());
    Map<String, String> now =
        function.environment() == null || function.environment().variables() == null
            ? Map.of()
            : function.environment().variables();
    if (!now.equals(config.environment())) {
      // Names only: values may be secrets, and plans are printed.
      TreeSet<String> names = new TreeSet<>(now.keySet());
      names.addAll(config.environment().keySet());
      List<String> differing = new ArrayList<>();
      for (String name : names) {
        if (!Objects.equals(now.get(name), config.environment().get(name))) {
          differing.add(
              name
                  + (now.containsKey(name)
                      ? config.environment().containsKey(name) ? " (changed)" : " (removed)"
                      : " (added)"));
        }
      }
      changes.add("environment " + String.join(", ", differing));
    }
    return changes;
  }

  private static void change(List<String> changes, String what, String from, String to) {
    if (!Objects.equals(from, to)) {
      changes.add(what + " " + from + " -> " + to);
    }
  }

  private static String variables(int count) {
    return count == 1 ? "1 environment variable" : count + " environment variables";
  }

  /** Return the base64 SHA-256 Lambda reports as {@code CodeSha256}. */
  public static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
