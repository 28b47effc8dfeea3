package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import dev.lambdalocal.junit.handlers.ApiCaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link LocalLambdaExtension}: the programmatic {@code @LambdaTest}, with handlers built by
 * factories. The fixtures run through the engine; each asserts inside its tests, and each test here
 * checks that they all passed.
 */
class LocalLambdaExtensionTests {

  /** A handler with a collaborator (here a name) that Lambda would get from its constructor. */
  public static class Teller implements RequestHandler<String, String> {
    private final String collaborator;

    public Teller() {
      this("built by Lambda");
    }

    public Teller(String collaborator) {
      this.collaborator = collaborator;
    }

    @Override
    public String handleRequest(String input, Context context) {
      return collaborator
          + "|"
          + input
          + "|"
          + context.getFunctionName()
          + "|"
          + context.getMemoryLimitInMB()
          + "|"
          + System.getenv("TABLE")
          + "|"
          + System.getenv("STAGE")
          + "|"
          + System.getenv("AWS_REGION");
    }
  }

  private static void assertAllPassed(EngineExecutionResults results, long tests) {
    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
  }

  @Test
  void aStaticRegistrationIsOneWarmFunctionPerClassBuiltByItsFactory() {
    assertAllPassed(Kit.run(PerClass.class), 3);
    assertThat(PerClass.BUILT).hasValue(2);
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClass {
    static final AtomicInteger BUILT = new AtomicInteger();

    // tag::static[]
    @RegisterExtension
    static LocalLambdaExtension teller =
        LocalLambdaExtension.builder()
            .handler(Teller.class, () -> new Teller("built #" + BUILT.incrementAndGet()))
            .functionName("teller")
            .timeout(Duration.ofSeconds(5))
            .memorySize(512)
            .region("eu-west-1")
            .environmentFile(Path.of("src/test/resources/env.json"))
            .environmentVariable("TABLE", "orders")
            .build();

    // end::static[]

    @Test
    @Order(1)
    void theFirstInvocationIsTheColdStartThatRunsTheFactory(LocalLambda lambda) {
      InvocationResult result = lambda.invokeJson("\"a\"");

      assertThat(result.returnValue(String.class))
          .isEqualTo("built #1|a|teller|512|orders|test|eu-west-1");
      assertThat(result.isColdStart()).isTrue();
      assertThat(lambda.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @Order(2)
    void theNextTestSharesTheWarmHandler(LocalLambda lambda, Context context) {
      InvocationResult result = lambda.invokeJson("\"b\"");

      assertThat(result.returnValue(String.class)).startsWith("built #1|b|");
      assertThat(result.isColdStart()).isFalse();
      assertThat(context.getInvokedFunctionArn())
          .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:teller");
    }

    @Test
    @Order(3)
    void aColdStartRunsTheFactoryAgain(LocalLambda lambda) {
      lambda.coldStart();
      InvocationResult result = lambda.invokeJson("\"c\"");

      assertThat(result.returnValue(String.class)).startsWith("built #2|c|");
      assertThat(result.reportLine()).contains("\tInit Duration: ");
    }
  }

  @Test
  void anInstanceRegistrationIsAFunctionPerTestBuiltFromTheTestsFields() {
    assertAllPassed(Kit.run(PerTest.class), 2);
  }

  static class PerTest {
    // tag::instance[]
    private final String collaborator = "the collaborator of test " + System.identityHashCode(this);

    @RegisterExtension
    LocalLambdaExtension teller =
        LocalLambdaExtension.builder()
            .handler(Teller.class, () -> new Teller(collaborator))
            .build();

    // end::instance[]

    @Test
    void one(LocalLambda lambda, Identity caller, InvokeOptions asCaller) {
      assertOwnFunction(lambda, caller, asCaller);
    }

    @Test
    void two(LocalLambda lambda, Identity caller, InvokeOptions asCaller) {
      assertOwnFunction(lambda, caller, asCaller);
    }

    private void assertOwnFunction(LocalLambda lambda, Identity caller, InvokeOptions asCaller) {
      InvocationResult result = lambda.invokeJson("\"x\"", asCaller);

      assertThat(result.isColdStart()).isTrue();
      assertThat(result.returnValue(String.class))
          .isEqualTo(collaborator + "|x|Teller|128|null|null|us-east-1");
      assertThat(asCaller.identity()).isEqualTo(caller);
      assertThat(Identity.isCognitoId(caller.identityId())).isTrue();
    }
  }

  @Test
  void aFactoryMayTakeTheContextOfItsClassOrTest() {
    assertAllPassed(Kit.run(FromContext.class, Map.of("teller.name", "configured")), 1);
  }

  static class FromContext {
    // tag::context[]
    @RegisterExtension
    static LocalLambdaExtension teller =
        LocalLambdaExtension.builder()
            .handlerFactory(
                Teller.class,
                context ->
                    new Teller(
                        context.getConfigurationParameter("teller.name").orElse("unnamed")
                            + " for "
                            + context.getRequiredTestClass().getSimpleName()))
            .build();

    // end::context[]

    @Test
    void test(LocalLambda lambda) {
      assertThat(lambda.invokeJson("\"x\"").returnValue(String.class))
          .startsWith("configured for FromContext|x|Teller|");
    }
  }

  @Test
  void handlersByClassAndByNameNeedNoFactory() {
    assertAllPassed(Kit.run(Map.of(), ByClass.class, ByName.class), 2);
  }

  static class ByClass {
    @RegisterExtension
    static LocalLambdaExtension teller =
        LocalLambdaExtension.builder().handler(Teller.class).build();

    @Test
    void test(LocalLambda lambda) {
      assertThat(lambda.invokeJson("\"x\"").returnValue(String.class))
          .startsWith("built by Lambda|x|Teller|");
    }
  }

  static class ByName {
    @RegisterExtension
    static LocalLambdaExtension teller =
        LocalLambdaExtension.builder()
            .handlerName(Teller.class.getName() + "::handleRequest")
            .coldStart(ColdStart.PER_TEST)
            .build();

    @Test
    void test(LocalLambda lambda) {
      assertThat(lambda.invokeJson("\"x\"").payloadAsString())
          .isEqualTo("\"built by Lambda|x|Teller|128|null|null|us-east-1\"");
    }
  }

  @Test
  void factoriesOfTestsRunningInParallelEachBuildTheirOwnHandler() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
            .configurationParameter(LambdaTest.QUIET_KEY, "true")
            .selectors(DiscoverySelectors.selectClass(Parallel.class))
            .execute();

    assertAllPassed(results, 3);
    assertThat(Parallel.BUILT_BY.keySet()).hasSize(3);
  }

  @Execution(ExecutionMode.CONCURRENT)
  static class Parallel {
    /** The three factories wait for each other: their init phases overlap for certain. */
    static final CyclicBarrier TOGETHER = new CyclicBarrier(3);

    static final Map<String, String> BUILT_BY = new ConcurrentHashMap<>();

    private final String color;

    @RegisterExtension LocalLambdaExtension teller;

    Parallel() {
      this.color = "color-" + System.identityHashCode(this);
      this.teller =
          LocalLambdaExtension.builder()
              .handler(Teller.class, this::build)
              // The init phase's bound is 10 s plus the timeout: room for a loaded machine.
              .timeout(Duration.ofSeconds(30))
              .environmentVariable("TABLE", color)
              .build();
    }

    private Teller build() {
      String table = System.getenv("TABLE");
      try {
        TOGETHER.await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the factories did not run at the same time", e);
      }
      BUILT_BY.put(table, Thread.currentThread().getName());
      return new Teller(table + "/" + System.getenv("TABLE"));
    }

    @Test
    void red(LocalLambda lambda) {
      assertOwn(lambda);
    }

    @Test
    void green(LocalLambda lambda) {
      assertOwn(lambda);
    }

    @Test
    void blue(LocalLambda lambda) {
      assertOwn(lambda);
    }

    private void assertOwn(LocalLambda lambda) {
      InvocationResult result = lambda.invokeJson("\"x\"");

      assertThat(result.isSuccess()).as(result.logs()).isTrue();
      assertThat(result.returnValue(String.class)).startsWith(color + "/" + color + "|x|");
      assertThat(System.getenv("TABLE")).isNull();
    }
  }

  @Test
  void withCognitoMockAndApiGatewayTheIdentitiesAndTheApiFollowTheRegistration() {
    assertAllPassed(Kit.run(WithCognitoAndApi.class), 2);
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = "src/test/resources/api/caller.yaml",
      functions = @ApiFunction(name = "Caller", handler = ApiCaller.class))
  static class WithCognitoAndApi {
    @RegisterExtension
    static LocalLambdaExtension teller =
        LocalLambdaExtension.builder()
            .handler(Teller.class, () -> new Teller("with Cognito"))
            .region("eu-west-1")
            .memorySize(256)
            .environmentVariable("COLOR", "green")
            .build();

    @Test
    void theIdentitiesAreTheMocks(LocalLambda lambda, Identity caller, Context context) {
      assertThat(caller.identityId()).startsWith("eu-west-1:");
      assertThat(caller.identityPoolId()).startsWith("eu-west-1:");
      assertThat(context.getIdentity().getIdentityId()).isEqualTo(caller.identityId());
      assertThat(lambda.invokeJson("\"x\"").returnValue(String.class))
          .isEqualTo("with Cognito|x|Teller|256|null|null|eu-west-1");
    }

    @Test
    void theApisFunctionsTakeTheRegistrationsSettings(ApiClient client) {
      ApiResponse response = client.get("/caller");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyText())
          .contains("identityId=" + client.identity().identityId())
          .contains("function=Caller", "memory=256", "COLOR=green");
    }
  }

  @Test
  void eventsAndIdentitiesCombineWithTheRegistration() {
    assertAllPassed(Kit.run(WithEvents.class), 2);
  }

  static class WithEvents {
    @RegisterExtension
    static LocalLambdaExtension teller =
        LocalLambdaExtension.builder().handler(Teller.class).build();

    @Test
    void event(@Event("events/greeting.json") String event, Identity caller, InvokeOptions as) {
      assertThat(event).contains("Ada");
      assertThat(as.identity()).isEqualTo(caller);
    }

    @ParameterizedTest
    @EventSource(files = "events/greeting.json")
    void eventSource(String event, Identity caller, LocalLambda lambda) {
      assertThat(Identity.isCognitoId(caller.identityId())).isTrue();
      assertThat(lambda.invokeJson("\"y\"").returnValue(String.class))
          .startsWith("built by Lambda|y|");
    }
  }
}
