package dev.lambdalocal.deploy;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Deployer} does, or would do, to make a function match its {@link DeploymentConfig}:
 * create it, or update its code and then its configuration, or nothing.
 *
 * @param functionName the function
 * @param action what kind of change
 * @param steps the API calls in order, each described for a person (values of environment variables
 *     are never shown)
 * @since 0.1.0
 */
public record DeploymentPlan(String functionName, Action action, List<String> steps) {

  /** Copy the steps. */
  public DeploymentPlan {
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(action, "action");
    steps = List.copyOf(steps);
  }

  /**
   * The kind of change a plan makes.
   *
   * @since 0.1.0
   */
  public enum Action {
    /** The function does not exist: {@code CreateFunction}. */
    CREATE,
    /** The function exists and differs: {@code UpdateFunctionCode} and/or configuration. */
    UPDATE,
    /** The function already matches the configuration. */
    NONE
  }

  /**
   * Return the plan as lines for a person: a headline, then one numbered step per line.
   *
   * @return the text, ending with a line break
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(
        switch (action) {
          case CREATE -> "Create function " + functionName + ":\n";
          case UPDATE -> "Update function " + functionName + ":\n";
          case NONE -> "Function " + functionName + " is up to date: nothing to change.\n";
        });
    for (int i = 0; i < steps.size(); i++) {
      text.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
    }
    return text.toString();
  }
}
