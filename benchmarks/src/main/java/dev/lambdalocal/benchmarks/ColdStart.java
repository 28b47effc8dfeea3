package dev.lambdalocal.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Run one class of {@link ColdStartFixtures} with the JUnit Platform launcher, in this JVM, and
 * exit: what {@code benchmarks/coldstart.sh} times. No Surefire, no console output but failures.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.lambdalocal.benchmarks.ColdStart
 * plain|aws-lambda-java-tests|lambdatest}
 *
 * @since 0.1.0
 */
public final class ColdStart {

  private ColdStart() {}

  /**
   * Run the fixture named by {@code args[0]}; exit with 1 unless exactly one test ran and passed.
   *
   * @param args the fixture: {@code plain}, {@code aws-lambda-java-tests} or {@code lambdatest}
   */
  public static void main(String[] args) {
    Class<?> fixture =
        switch (args.length == 1 ? args[0] : "") {
          case "plain" -> ColdStartFixtures.Plain.class;
          case "aws-lambda-java-tests" -> ColdStartFixtures.AwsLambdaJavaTests.class;
          case "lambdatest" -> ColdStartFixtures.LambdaTestInvoke.class;
          default ->
              throw new IllegalArgumentException(
                  "usage: ColdStart plain|aws-lambda-java-tests|lambdatest");
        };
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
        listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTestsSucceededCount() != 1 || summary.getTotalFailureCount() != 0) {
      summary.printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
      System.err.println(
          fixture.getName()
              + ": "
              + summary.getTestsSucceededCount()
              + " tests passed, expected 1");
      System.exit(1);
    }
  }
}
