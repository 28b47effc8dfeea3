package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.fixtures.Borrowed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Threads a handler borrows or keeps belong to its execution environment and its current invocation
 * (issue 11, item 1), and no thread ever shows a function the host's AWS credentials or another
 * function's variables (issue 15, item 3). The test JVM holds fake AWS credentials in its
 * environment (this module's Surefire configuration): {@link #HOST_KEY}.
 */
class ThreadAttributionTests {

  /** The host's fake access key id, set by this module's Surefire configuration. */
  static final String HOST_KEY = "AKIAHOSTFAKEKEY00000";

  private static final String DUMMY_KEY = "ASIALAMBDALOCALDUMMY";

  private static final String TRACE =
      "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

  @Test
  void theHostHoldsFakeCredentials() {
    // Read below the overlay: what the JVM was started with.
    assertThat(dev.lambdalocal.core.internal.env.EnvironmentOverlay.processEnvironment())
        .containsEntry("AWS_ACCESS_KEY_ID", HOST_KEY);
  }

  @Test
  void anExecutorBuiltInTheConstructorLogsToTheCurrentInvocation() {
    try (LocalLambda lambda = function(Borrowed.OwnPool.class, "own")) {
      for (int i = 1; i <= 4; i++) {
        InvocationResult result = lambda.invokeJson("\"call" + i + "\"", traced());
        assertThat(result.payloadAsString()).isEqualTo("\"own|" + DUMMY_KEY + "|" + TRACE + "\"");
        assertThat(result.logs()).contains("work of call" + i + " on ");
      }
    }
  }

  @Test
  void anExecutorBuiltByAStaticInitializerLogsToTheCurrentInvocation() {
    try (LocalLambda lambda = function(Borrowed.StaticPool.class, "static")) {
      for (int i = 1; i <= 3; i++) {
        InvocationResult result = lambda.invokeJson("\"call" + i + "\"");
        assertThat(result.payloadAsString()).startsWith("\"static|" + DUMMY_KEY + "|Root=1-");
        assertThat(result.logs()).contains("work of call" + i + " on ");
      }
    }
  }

  @Test
  void theCommonPoolWorksForTheOnlyActiveFunction() throws Exception {
    // The pool's worker exists before the function runs: it was started by the host.
    ForkJoinPool.commonPool().submit(() -> 1).get();
    Borrowed.barrier = new CyclicBarrier(1);
    try (LocalLambda lambda = function(Borrowed.CommonPool.class, "alone")) {
      for (int i = 1; i <= 2; i++) {
        InvocationResult result = lambda.invokeJson("\"call" + i + "\"", traced());
        assertThat(result.payloadAsString()).isEqualTo("\"alone|" + DUMMY_KEY + "|" + TRACE + "\"");
        assertThat(result.logs()).contains("work of call" + i + " on ");
      }
    }
  }

  @Test
  void theCommonPoolWorksForNoFunctionWhileSeveralAreActive() throws Exception {
    ForkJoinPool.commonPool().submit(() -> 1).get();
    Borrowed.barrier = new CyclicBarrier(2);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try (LocalLambda red = function(Borrowed.CommonPool.class, "red");
        LocalLambda blue = function(Borrowed.CommonPool.class, "blue")) {
      Future<InvocationResult> redResult = callers.submit(() -> red.invokeJson("\"red\""));
      Future<InvocationResult> blueResult = callers.submit(() -> blue.invokeJson("\"blue\""));
      for (InvocationResult result : List.of(redResult.get(), blueResult.get())) {
        // Neither function's variables, nor the host's credentials, nor a trace header.
        assertThat(result.payloadAsString()).isEqualTo("\"null|" + DUMMY_KEY + "|null\"");
        assertThat(result.logs()).doesNotContain("work of");
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void anExecutorTheHostSharesNeverShowsTheHostsCredentialsOrAnotherFunctionsVariables()
      throws Exception {
    List<String> seen = new ArrayList<>();
    ExecutorService started = Executors.newSingleThreadExecutor();
    ExecutorService lazy = Executors.newSingleThreadExecutor();
    try {
      // One pool's thread started by the host, the other's by the first function that uses it.
      started.submit(() -> 1).get();
      for (ExecutorService pool : List.of(started, lazy)) {
        Borrowed.shared = pool;
        try (LocalLambda red = function(Borrowed.SharedPool.class, "red");
            LocalLambda blue = function(Borrowed.SharedPool.class, "blue")) {
          seen.add(red.invokeJson("\"red\"").payloadAsString());
          seen.add(blue.invokeJson("\"blue\"").payloadAsString());
        }
      }
    } finally {
      started.shutdownNow();
      lazy.shutdownNow();
    }
    assertThat(seen).containsOnly("\"null|" + DUMMY_KEY + "|null\"");
  }

  @Test
  @SuppressWarnings("try") // the function only has to exist
  void threadsOutsideAnyFunctionSeeTheDummyCredentialsOnceAFunctionExists() {
    try (LocalLambda lambda = function(Borrowed.SharedPool.class, "any")) {
      assertThat(System.getenv("AWS_ACCESS_KEY_ID")).isEqualTo(DUMMY_KEY);
      assertThat(System.getenv()).containsEntry("AWS_ACCESS_KEY_ID", DUMMY_KEY);
      assertThat(System.getenv()).doesNotContainValue(HOST_KEY).doesNotContainKey("AWS_PROFILE");
      assertThat(System.getenv("PATH")).isNotNull();
    }
  }

  private static InvokeOptions traced() {
    return InvokeOptions.builder().xrayTraceId(TRACE).build();
  }

  private static LocalLambda function(Class<?> handler, String mark) {
    return LocalLambda.builder()
        .handler(handler.getName() + "::handle")
        .functionName(mark)
        .environmentVariable("MARK", mark)
        .quiet(true)
        .build();
  }
}
