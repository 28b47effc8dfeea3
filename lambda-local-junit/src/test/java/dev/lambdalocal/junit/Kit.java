package dev.lambdalocal.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes through the Jupiter engine, one at a time, as a user's build would. */
final class Kit {

  private Kit() {}

  /** Run a fixture class sequentially. */
  static EngineExecutionResults run(Class<?> fixture) {
    return run(fixture, Map.of());
  }

  /** Run a fixture class sequentially, with these configuration parameters. */
  static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .configurationParameter(LambdaTest.QUIET_KEY, "true")
        .configurationParameters(configuration)
        .selectors(selectClass(fixture))
        .execute();
  }

  /** Run fixture classes together, with these configuration parameters. */
  static EngineExecutionResults run(Map<String, String> configuration, Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .configurationParameter(LambdaTest.QUIET_KEY, "true")
        .configurationParameters(configuration)
        .selectors(
            Arrays.stream(fixtures)
                .map(DiscoverySelectors::selectClass)
                .toArray(DiscoverySelector[]::new))
        .execute();
  }

  /** Return the exceptions of every failed test and container. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
        .map(result -> result.getThrowable().orElseThrow())
        .toList();
  }

  /** Return the exception of the one failed test or container. */
  static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures = failures(results);
    if (failures.size() != 1) {
      throw new AssertionError("Expected one failure, got " + failures);
    }
    return failures.get(0);
  }
}
