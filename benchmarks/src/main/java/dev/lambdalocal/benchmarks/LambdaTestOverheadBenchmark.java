package dev.lambdalocal.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdalocal.junit.LambdaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Measure what a {@link LambdaTest @LambdaTest} class costs against a plain JUnit class: the JUnit
 * Platform launcher runs one test class in-process (discovery and execution) and every test must
 * pass. The classes are in {@link JUnitFixtures}:
 *
 * <ul>
 *   <li>{@code plain}: a plain JUnit class whose tests call the handler as a method;
 *   <li>{@code core}: a plain JUnit class that builds a {@code LocalLambda} in {@code @BeforeAll}
 *       and invokes it, i.e. lambda-local-core without the extension;
 *   <li>{@code lambdaTest}: the same tests in a {@code @LambdaTest} class that receives the {@code
 *       LocalLambda} as a parameter.
 * </ul>
 *
 * <p>Each runs with {@link #tests} = 1 and 20 tests, which splits the fixed cost of a class from
 * the cost of each test: the extra cost of a {@code @LambdaTest} class is {@code lambdaTest(1) -
 * plain(1)} (target: at most 100 ms), and the extra cost per test is {@code (lambdaTest(20) -
 * lambdaTest(1) - plain(20) + plain(1)) / 19}.
 *
 * <p>By default this measures the warm cost (the same class run again and again in one JVM, after
 * 20 s of warm-up, which it needs). The cold cost of the first class a JVM runs is measured with
 * {@code -bm ss -wi 0 -i 1} and many forks: the launcher is created in the set-up, so the single
 * measured call is the first time the JVM runs a test class. The set-up refuses a single-shot run
 * with warm-up iterations or more than one measured call, which would not measure that. See {@code
 * docs/performance.md} for the results.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
// A class run touches much code (the engine, lambda-local, the runtime's serializer): it takes
// about 20 s of running before its time stops falling.
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class LambdaTestOverheadBenchmark {

  /** How many tests the class has: 1 or 20. */
  @Param({"1", "20"})
  public int tests;

  private Launcher launcher;
  private LauncherDiscoveryRequest plainRequest;
  private LauncherDiscoveryRequest coreRequest;
  private LauncherDiscoveryRequest lambdaTestRequest;

  /**
   * Create the launcher and the discovery requests; run no test class, so that a single-shot run
   * measures the first one.
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    if (params.getMode() == Mode.SingleShotTime
        && (params.getWarmup().getCount() != 0
            || params.getMeasurement().getCount() != 1
            || params.getMeasurement().getBatchSize() != 1)) {
      throw new IllegalStateException(
          "A single-shot run measures the first test class of a fresh JVM only with"
              + " -wi 0 -i 1 (and a batch size of 1); was -wi "
              + params.getWarmup().getCount()
              + " -i "
              + params.getMeasurement().getCount()
              + " -bs "
              + params.getMeasurement().getBatchSize());
    }
    launcher = LauncherFactory.create();
    boolean one = tests == 1;
    plainRequest = request(one ? JUnitFixtures.PlainOne.class : JUnitFixtures.PlainTwenty.class);
    coreRequest = request(one ? JUnitFixtures.CoreOne.class : JUnitFixtures.CoreTwenty.class);
    lambdaTestRequest =
        request(
            one
                ? LambdaTestFixtures.LambdaTestOne.class
                : LambdaTestFixtures.LambdaTestTwenty.class);
  }

  /** Run the plain JUnit class, whose tests call the handler as a method. */
  @Benchmark
  public TestExecutionSummary plain() {
    return run(plainRequest);
  }

  /** Run the plain JUnit class that builds and invokes a {@code LocalLambda} itself. */
  @Benchmark
  public TestExecutionSummary core() {
    return run(coreRequest);
  }

  /** Run the {@code @LambdaTest} class, whose tests invoke the injected {@code LocalLambda}. */
  @Benchmark
  public TestExecutionSummary lambdaTest() {
    return run(lambdaTestRequest);
  }

  private static LauncherDiscoveryRequest request(Class<?> testClass) {
    // The functions' logs are captured either way; echoing them to stderr would only add noise.
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass))
        .configurationParameter(LambdaTest.QUIET_KEY, "true")
        .build();
  }

  private TestExecutionSummary run(LauncherDiscoveryRequest request) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    // A class whose tests fail or are not found takes another path: never measure it.
    if (summary.getTestsSucceededCount() != tests || summary.getTotalFailureCount() != 0) {
      StringWriter failures = new StringWriter();
      summary.printFailuresTo(new PrintWriter(failures), 20);
      throw new IllegalStateException(
          "Expected "
              + tests
              + " passing tests but "
              + summary.getTestsSucceededCount()
              + " passed and "
              + summary.getTotalFailureCount()
              + " failed: "
              + failures);
    }
    return summary;
  }
}
