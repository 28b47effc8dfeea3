package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.fixtures.Behaviours;
import dev.lambdalocal.core.fixtures.ContextProbe;
import dev.lambdalocal.core.fixtures.FailingStaticInit;
import dev.lambdalocal.core.fixtures.VoidHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LocalLambdaTests {

  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static LocalLambda.Builder quiet(String handler) {
    return LocalLambda.builder().handler(handler).quiet(true);
  }

  @Test
  void preloadStartsOneDaemonThreadAtMostAndFunctionsWorkAsBefore() {
    LocalLambda.preload();
    LocalLambda.preload();

    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(thread -> thread.getName().equals("lambda-local-preload"))
        .hasSizeLessThanOrEqualTo(1)
        .allMatch(Thread::isDaemon);
    try (LocalLambda lambda = quiet(ContextProbe.class.getName()).build()) {
      assertThat(lambda.invokeJson("{}").returnValue(Map.class))
          .containsEntry("functionName", "ContextProbe");
    }
  }

  @Test
  void contextCarriesLambdaFormats() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    try (LocalLambda lambda =
        LocalLambda.builder().handler(ContextProbe.class).clock(clock).quiet(true).build()) {
      InvocationResult result = lambda.invokeJson("{}");

      @SuppressWarnings("unchecked")
      Map<String, Object> seen = result.returnValue(Map.class);
      assertThat((String) seen.get("requestId"))
          .matches(UUID_PATTERN)
          .isEqualTo(result.requestId());
      assertThat(seen.get("logGroup")).isEqualTo("/aws/lambda/ContextProbe");
      assertThat((String) seen.get("logStream")).matches("2026/03/04/\\[\\$LATEST\\][0-9a-f]{32}");
      assertThat(seen.get("functionName")).isEqualTo("ContextProbe");
      assertThat(seen.get("version")).isEqualTo("$LATEST");
      assertThat(seen.get("arn"))
          .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:ContextProbe");
      assertThat(seen.get("memory")).isEqualTo(128);
      // The clock stands still: the whole default timeout remains.
      assertThat(seen.get("remaining")).isEqualTo(3000);
      assertThat((String) seen.get("traceId"))
          .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
      assertThat(seen.get("tenantId")).isNull();
    }
  }

  @Test
  void contextCarriesIdentityClientContextAliasAndTenant() {
    Identity identity = Identity.generate("eu-west-1");
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(ContextProbe.class)
            .functionName("probe")
            .alias("live")
            .region("eu-west-1")
            .accountId("210987654321")
            .memorySize(512)
            .quiet(true)
            .build()) {
      InvokeOptions options =
          InvokeOptions.builder()
              .identity(identity)
              .clientContext(
                  ClientContexts.parse(
                      "{\"client\":{\"app_title\":\"app\"},\"custom\":{\"k\":\"v\"},"
                          + "\"env\":{\"platform\":\"iPhoneOS\"}}"))
              .tenantId("tenant-1")
              .requestId("11111111-2222-3333-4444-555555555555")
              .build();
      InvocationResult result = lambda.invokeJson("{}", options);

      assertThat(result.payloadAsString())
          .contains("\"requestId\":\"11111111-2222-3333-4444-555555555555\"")
          .contains("\"arn\":\"arn:aws:lambda:eu-west-1:210987654321:function:probe:live\"")
          .contains("\"memory\":512")
          .contains("\"tenantId\":\"tenant-1\"")
          .contains("\"identityId\":\"" + identity.identityId() + "\"")
          .contains("\"identityPoolId\":\"" + identity.identityPoolId() + "\"")
          .contains("\"appTitle\":\"app\"")
          .contains("\"custom\":{\"k\":\"v\"}")
          .contains("\"env\":{\"platform\":\"iPhoneOS\"}");
      assertThat(identity.identityId()).matches("eu-west-1:" + UUID_PATTERN);
    }
  }

  @Test
  void remainingTimeFollowsTheClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (LocalLambda lambda =
        quiet("dev.lambdalocal.core.fixtures.Behaviours::handle")
            .timeout(Duration.ofSeconds(5))
            .clock(clock)
            .build()) {
      var context = lambda.newContext(InvokeOptions.defaults());
      assertThat(context.getRemainingTimeInMillis()).isEqualTo(5000);
      clock.advance(Duration.ofMillis(1234));
      assertThat(context.getRemainingTimeInMillis()).isEqualTo(3766);
      clock.advance(Duration.ofSeconds(10));
      assertThat(context.getRemainingTimeInMillis()).isZero();
    }
  }

  @Test
  void handlerStaysWarmUntilAColdStart() {
    try (LocalLambda lambda = quiet("dev.lambdalocal.core.fixtures.Behaviours::handle").build()) {
      int before = Behaviours.INSTANCES.get();
      InvocationResult first = lambda.invokeJson("\"a\"");
      InvocationResult second = lambda.invokeJson("\"b\"");

      assertThat(first.payloadAsString()).isEqualTo("\"hello a\"");
      assertThat(second.payloadAsString()).isEqualTo("\"hello b\"");
      assertThat(Behaviours.INSTANCES.get() - before).isEqualTo(1);
      assertThat(first.isColdStart()).isTrue();
      assertThat(first.reportLine()).contains("\tInit Duration: ");
      assertThat(second.isColdStart()).isFalse();
      assertThat(second.reportLine()).doesNotContain("Init Duration");

      lambda.coldStart();
      InvocationResult third = lambda.invokeJson("\"c\"");
      assertThat(third.isColdStart()).isTrue();
      assertThat(Behaviours.INSTANCES.get() - before).isEqualTo(2);
    }
  }

  @Test
  void timeoutEndsTheInvocationWithLambdasError() {
    try (LocalLambda lambda =
        quiet("dev.lambdalocal.core.fixtures.Behaviours::handle")
            .timeout(Duration.ofSeconds(1))
            .build()) {
      InvocationResult result = lambda.invokeJson("\"sleep\"");

      assertThat(result.isTimeout()).isTrue();
      assertThat(result.functionError()).contains("Unhandled");
      assertThat(result.payloadAsString())
          .isEqualTo(
              "{\"errorMessage\":\"RequestId: "
                  + result.requestId()
                  + " Error: Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}");
      assertThat(result.reportLine()).endsWith("Status: timeout");
      assertThat(result.logs())
          .containsPattern(
              "\n"
                  + result.reportLine()
                  + "\n\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z "
                  + result.requestId()
                  + " Task timed out after 1.00 seconds\n$");
      assertThat(result.report().durationMs()).isGreaterThanOrEqualTo(1000.0);

      // Lambda replaces the environment after a timeout.
      InvocationResult next = lambda.invokeJson("\"x\"");
      assertThat(next.payloadAsString()).isEqualTo("\"hello x\"");
      assertThat(next.isColdStart()).isTrue();
    }
  }

  @Test
  void warmInvocationsReuseTheirWorkerUntilATimeout() {
    try (LocalLambda lambda =
        quiet("dev.lambdalocal.core.fixtures.Behaviours::handle")
            .functionName("workers")
            .timeout(Duration.ofSeconds(1))
            .build()) {
      String first = lambda.invokeJson("\"thread\"").payloadAsString();
      String second = lambda.invokeJson("\"thread\"").payloadAsString();
      lambda.invokeJson("\"sleep\"");
      String afterTimeout = lambda.invokeJson("\"thread\"").payloadAsString();

      assertThat(first).matches("\"lambda-local-workers-\\d+\"").isEqualTo(second);
      assertThat(afterTimeout).matches("\"lambda-local-workers-\\d+\"").isNotEqualTo(first);
    }
  }

  @Test
  void announcedInvocationsRunOnTheWarmWorker() throws InterruptedException {
    LocalLambda closed;
    try (LocalLambda lambda =
        quiet("dev.lambdalocal.core.fixtures.Behaviours::handle")
            .functionName("prepared")
            .build()) {
      // Cold: there is no worker to wake yet, and the announcement changes nothing.
      lambda.prepareInvocation();
      String first = lambda.invokeJson("\"thread\"").payloadAsString();
      lambda.prepareInvocation();
      String announced = lambda.invokeJson("\"thread\"").payloadAsString();
      // An announcement no invocation follows: the worker waits, then parks again.
      lambda.prepareInvocation();
      Thread.sleep(20);
      InvocationResult later = lambda.invokeJson("\"thread\"");

      assertThat(first).matches("\"lambda-local-prepared-\\d+\"");
      assertThat(announced).isEqualTo(first);
      assertThat(later.payloadAsString()).isEqualTo(first);
      assertThat(later.isColdStart()).isFalse();
      closed = lambda;
    }
    closed.prepareInvocation();
  }

  @Test
  void handlerIgnoringInterruptionIsReportedAndDoesNotBlockTheNextInvocation() {
    Behaviours.release = new CountDownLatch(1);
    try (LocalLambda lambda =
        quiet("dev.lambdalocal.core.fixtures.Behaviours::handle")
            .functionName("stubborn")
            .timeout(Duration.ofSeconds(1))
            .build()) {
      InvocationResult stuck = lambda.invokeJson("\"stubborn\"");
      assertThat(stuck.isTimeout()).isTrue();
      assertThat(stuck.logs())
          .containsPattern(
              "lambda-local: thread lambda-local-stubborn-\\d+ of function stubborn"
                  + " \\(dev.lambdalocal.core.fixtures.Behaviours::handle\\) ignored its"
                  + " interruption");

      InvocationResult next = lambda.invokeJson("\"again\"");
      assertThat(next.payloadAsString()).isEqualTo("\"hello again\"");
    } finally {
      Behaviours.release.countDown();
    }
  }

  @Test
  void thrownExceptionBecomesLambdasErrorDocument() {
    try (LocalLambda lambda = quiet("dev.lambdalocal.core.fixtures.Behaviours::handle").build()) {
      InvocationResult result = lambda.invokeJson("\"throw\"");

      LambdaError error = result.error().orElseThrow();
      assertThat(error.errorMessage()).isEqualTo("boom");
      assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
      assertThat(error.stackTrace().get(0))
          .startsWith("dev.lambdalocal.core.fixtures.Behaviours.handle(Behaviours.java:");
      assertThat(error.stackTrace())
          .noneMatch(frame -> frame.contains("lambdalocal.core.internal"));
      assertThat(result.payloadAsString())
          .startsWith(
              "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\","
                  + "\"stackTrace\":[\"dev.lambdalocal.core.fixtures.Behaviours.handle(");
      assertThat(result.logs()).contains("boom: java.lang.IllegalStateException\n");
    }
  }

  @Test
  void resultsAreSerializedAsTheRuntimeDoes() {
    try (LocalLambda strings = quiet("dev.lambdalocal.core.fixtures.Behaviours::handle").build();
        LocalLambda voids = quiet(VoidHandler.class.getName() + "::handle").build()) {
      assertThat(strings.invoke("Ada").payloadAsString()).isEqualTo("\"hello Ada\"");
      assertThat(voids.invokeJson("{\"a\":1}").payloadAsString()).isEqualTo("null");
    }
  }

  @Test
  void malformedPayloadGivesTheRuntimesParsingError() {
    try (LocalLambda lambda =
        LocalLambda.builder().handler(ContextProbe.class).quiet(true).build()) {
      InvocationResult result = lambda.invokeJson("{\"a\": ");

      assertThat(result.payloadAsString())
          .isEqualTo(
              "{\"errorMessage\":\"An error occurred during JSON parsing\","
                  + "\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}");
    }
  }

  @Test
  void unknownClassGivesTheRuntimesError() {
    try (LocalLambda lambda = quiet("nope.Missing::handle").build()) {
      InvocationResult result = lambda.invokeJson("{}");

      assertThat(result.payloadAsString())
          .isEqualTo(
              "{\"errorMessage\":\"Class not found: nope.Missing\","
                  + "\"errorType\":\"java.lang.ClassNotFoundException\"}");
    }
  }

  @Test
  void staticInitializerFailureIsAnInitError() {
    try (LocalLambda lambda = quiet(FailingStaticInit.class.getName()).build()) {
      InvocationResult result = lambda.invokeJson("\"x\"");

      assertThat(result.isError()).isTrue();
      assertThat(result.isColdStart()).isTrue();
      // ExceptionInInitializerError has no message of its own, so the runtime adds nothing.
      assertThat(result.payloadAsString())
          .isEqualTo(
              "{\"errorMessage\":\"Error loading class "
                  + FailingStaticInit.class.getName()
                  + "\",\"errorType\":\"java.lang.ExceptionInInitializerError\"}");
      assertThat(result.logs())
          .contains("Caused by: java.lang.IllegalStateException: no configuration");
    }
  }

  @Test
  void logsAreCapturedBetweenStartAndEnd() {
    try (LocalLambda lambda = quiet("dev.lambdalocal.core.fixtures.Behaviours::handle").build()) {
      InvocationResult result = lambda.invokeJson("\"print\"");
      String id = result.requestId();

      assertThat(result.logs())
          .contains(
              "START RequestId: "
                  + id
                  + " Version: $LATEST\n"
                  + "to stdout\n"
                  + "to stderr\n"
                  + "to logger\n"
                  + "to runtime logger\n"
                  + "END RequestId: "
                  + id
                  + "\n"
                  + "REPORT RequestId: "
                  + id
                  + "\tDuration: ");
      assertThat(result.reportLine())
          .matches(
              "REPORT RequestId: "
                  + id
                  + "\tDuration: \\d+\\.\\d{2} ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB"
                  + "\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d{2} ms\t");
    }
  }

  @Test
  void environmentIsVisibleDuringTheInvocationOnly() {
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(ContextProbe.class)
            .functionName("envprobe")
            .environmentVariable("TABLE", "orders")
            .quiet(true)
            .build()) {
      InvocationResult result =
          lambda.invokeJson(
              "{\"TABLE\":\"\",\"AWS_LAMBDA_FUNCTION_NAME\":\"\",\"AWS_REGION\":\"\","
                  + "\"_X_AMZN_TRACE_ID\":\"\"}");

      assertThat(result.payloadAsString())
          .contains("\"env:TABLE\":\"orders\"")
          .contains("\"env:AWS_LAMBDA_FUNCTION_NAME\":\"envprobe\"")
          .contains("\"env:AWS_REGION\":\"us-east-1\"")
          .containsPattern("\"env:_X_AMZN_TRACE_ID\":\"Root=1-");
      assertThat(System.getenv("AWS_LAMBDA_FUNCTION_NAME")).isNull();
      assertThat(System.getenv("TABLE")).isNull();
    }
  }

  @Test
  void invalidSettingsAreRejectedByName() {
    assertThatThrownBy(() -> quiet("a.B").timeout(Duration.ZERO).build())
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage("Timeout must be a whole number of seconds from 1 to 900, got 0.0 s");
    assertThatThrownBy(() -> quiet("a.B").timeout(Duration.ofSeconds(901)).build())
        .hasMessage("Timeout must be a whole number of seconds from 1 to 900, got 901.0 s");
    assertThatThrownBy(() -> quiet("a.B").timeout(Duration.ofMillis(1500)).build())
        .hasMessage("Timeout must be a whole number of seconds from 1 to 900, got 1.5 s");
    assertThatThrownBy(() -> quiet("a.B").memorySize(64).build())
        .hasMessage("Memory size must be between 128 and 10240 MB, got 64 MB");
    assertThatThrownBy(() -> quiet("a.B").functionName("bad name").build())
        .hasMessageContaining("Function name 'bad name' is invalid");
  }

  /** A clock a test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
