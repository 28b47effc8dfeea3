package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.fixtures.TraceProbe;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Each invocation sees its X-Ray trace header in the system property {@code
 * com.amazonaws.xray.traceHeader}, as the runtime interface client sets it before each invocation
 * ({@code AWSLambda.setEnvVarForXrayTraceId}), and in {@code _X_AMZN_TRACE_ID}; parallel
 * invocations never see each other's (issue 11, item 2).
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class TraceHeaderTests {

  private static final String PROPERTY = "com.amazonaws.xray.traceHeader";

  /**
   * X-Ray's header as Lambda passes it: root (version 1, epoch seconds, 96 bits), parent, sampled.
   */
  private static final String HEADER =
      "Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=[01]";

  @Test
  void eachInvocationSeesItsOwnHeaderAndTheInitPhaseNone() throws Exception {
    TraceProbe.barrier = new CyclicBarrier(2);
    String red = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    ExecutorService callers = Executors.newFixedThreadPool(2);
    System.setProperty(PROPERTY, "the host's own");
    try (LocalLambda first = probe("first");
        LocalLambda second = probe("second")) {
      Future<InvocationResult> redResult =
          callers.submit(
              () -> first.invokeJson("\"x\"", InvokeOptions.builder().xrayTraceId(red).build()));
      Future<InvocationResult> blueResult = callers.submit(() -> second.invokeJson("\"x\""));

      assertThat(redResult.get().payloadAsString()).isEqualTo("\"null|" + red + "|" + red + "\"");
      String generated = blueResult.get().payloadAsString();
      assertThat(generated).matches("\"null\\|(" + HEADER + ")\\|\\1\"");
      assertThat(System.getProperty(PROPERTY)).isEqualTo("the host's own");
    } finally {
      System.clearProperty(PROPERTY);
      callers.shutdownNow();
    }
  }

  private static LocalLambda probe(String name) {
    return LocalLambda.builder()
        .handler(TraceProbe.class.getName() + "::handle")
        .functionName(name)
        .quiet(true)
        .build();
  }
}
