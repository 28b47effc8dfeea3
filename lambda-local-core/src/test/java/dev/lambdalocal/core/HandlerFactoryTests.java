package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A handler built by a factory behaves like one Lambda constructs, apart from what it injects. */
class HandlerFactoryTests {

  /** A handler whose collaborator (here a greeting) is injected; Lambda would use the default. */
  public static class Greeter implements RequestHandler<String, String> {
    private final String greeting;

    public Greeter() {
      this("Hello");
    }

    public Greeter(String greeting) {
      this.greeting = greeting;
    }

    @Override
    public String handleRequest(String name, Context context) {
      return greeting + ", " + name;
    }
  }

  private static LocalLambda.Builder factory(Supplier<? extends Greeter> factory) {
    return LocalLambda.builder().handlerFactory(Greeter.class, factory).quiet(true);
  }

  @Test
  void theFactoryRunsInTheInitPhaseWithTheFunctionsEnvironment() {
    AtomicInteger calls = new AtomicInteger();
    try (LocalLambda lambda =
        factory(
                () -> {
                  calls.incrementAndGet();
                  System.out.println("building for " + System.getenv("TABLE"));
                  return new Greeter(System.getenv("GREETING") + " from " + Thread.currentThread());
                })
            .environmentVariable("TABLE", "orders")
            .environmentVariable("GREETING", "Hi")
            .build()) {
      InvocationResult cold = lambda.invokeJson("\"Ada\"");
      InvocationResult warm = lambda.invokeJson("\"Bob\"");

      assertThat(calls).hasValue(1);
      assertThat(cold.returnValue(String.class)).startsWith("Hi from ").endsWith(", Ada");
      // Not the test's thread: the function's own, as Lambda's init runs in the environment.
      assertThat(cold.returnValue(String.class)).doesNotContain(Thread.currentThread().toString());
      assertThat(cold.isColdStart()).isTrue();
      assertThat(cold.reportLine()).contains("\tInit Duration: ");
      // Init output comes before the invocation's START line, as in CloudWatch.
      assertThat(cold.logs()).startsWith("building for orders\nSTART RequestId: ");
      assertThat(warm.isColdStart()).isFalse();
      assertThat(warm.reportLine()).doesNotContain("Init Duration");
      assertThat(System.getenv("TABLE")).isNull();
    }
  }

  @Test
  void everyColdStartRunsTheFactoryAgain() {
    AtomicInteger calls = new AtomicInteger();
    try (LocalLambda lambda =
        factory(() -> new Greeter("Hello #" + calls.incrementAndGet())).build()) {
      assertThat(lambda.invokeJson("\"a\"").payloadAsString()).isEqualTo("\"Hello #1, a\"");
      assertThat(lambda.invokeJson("\"b\"").payloadAsString()).isEqualTo("\"Hello #1, b\"");

      lambda.coldStart();
      InvocationResult third = lambda.invokeJson("\"c\"");

      assertThat(third.payloadAsString()).isEqualTo("\"Hello #2, c\"");
      assertThat(third.isColdStart()).isTrue();
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void aFactoryThatThrowsIsAnInitErrorLikeAThrowingConstructor() {
    AtomicInteger calls = new AtomicInteger();
    try (LocalLambda lambda =
        factory(
                () -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("no database");
                  }
                  return new Greeter();
                })
            .build()) {
      InvocationResult failed = lambda.invokeJson("\"a\"");

      // The document HandlerInstances gives a constructor that throws (ClassHandlerTests).
      assertThat(failed.payloadAsString())
          .isEqualTo(
              "{\"errorMessage\":\"no database\","
                  + "\"errorType\":\"java.lang.IllegalStateException\"}");
      assertThat(failed.isColdStart()).isTrue();
      assertThat(failed.reportLine()).contains("\tInit Duration: ");
      assertThat(failed.logs())
          .startsWith("no database: java.lang.IllegalStateException\n")
          .contains("\tat " + HandlerFactoryTests.class.getName());

      // The failed environment is gone: the next invocation starts again, factory included.
      InvocationResult next = lambda.invokeJson("\"b\"");
      assertThat(next.payloadAsString()).isEqualTo("\"Hello, b\"");
      assertThat(next.isColdStart()).isTrue();
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void theHandlerClassNamesTheFunction() {
    try (LocalLambda lambda = factory(Greeter::new).environmentVariable("X", "1").build()) {
      InvocationResult result = lambda.invokeJson("\"a\"");

      assertThat(lambda.functionName()).isEqualTo("Greeter");
      assertThat(result.payloadAsString()).isEqualTo("\"Hello, a\"");
      assertThat(lambda.initialize()).isNull();
    }
  }

  @Test
  void aFactoryReturningNullIsTheCallersMistake() {
    try (LocalLambda lambda = factory(() -> null).build()) {
      assertThatThrownBy(() -> lambda.invokeJson("\"a\""))
          .isInstanceOf(LambdaConfigurationException.class)
          .hasMessage(
              "Function Greeter: The handler factory of "
                  + Greeter.class.getName()
                  + " returned null instead of a handler");
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aFactoryReturningAnotherTypeIsTheCallersMistake() {
    Supplier wrong = () -> "not a handler";
    try (LocalLambda lambda =
        LocalLambda.builder().handlerFactory(Greeter.class, wrong).quiet(true).build()) {
      assertThatThrownBy(lambda::initialize)
          .isInstanceOf(LambdaConfigurationException.class)
          .hasMessage(
              "Function Greeter: The handler factory of "
                  + Greeter.class.getName()
                  + " returned a java.lang.String, which is not a "
                  + Greeter.class.getName());
    }
  }

  @Test
  void aConfigurationMistakeTheFactoryReportsReachesTheCaller() {
    LambdaConfigurationException mistake = new LambdaConfigurationException("wrong handler");
    try (LocalLambda lambda =
        factory(
                () -> {
                  throw mistake;
                })
            .build()) {
      assertThatThrownBy(() -> lambda.invokeJson("\"a\""))
          .isInstanceOf(LambdaConfigurationException.class)
          .hasMessage("Function Greeter: wrong handler")
          .hasCause(mistake);
    }
  }

  @Test
  void aFactoryCannotTakeAClassPath() {
    assertThatThrownBy(() -> factory(Greeter::new).classpath(List.of(Path.of("."))).build())
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            "A handler factory creates its handler from the caller's classes:"
                + " it cannot be combined with classpath(...)");
  }

  @Test
  void factoriesOfFunctionsInitializingAtOnceSeeTheirOwnEnvironment() throws Exception {
    // Both init phases wait for each other inside their factories: they overlap for certain.
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    Supplier<Greeter> factory =
        () -> {
          String before = System.getenv("COLOR");
          try {
            together.await(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return new Greeter(before + "/" + System.getenv("COLOR"));
        };
    try (LocalLambda red = factory(factory).environment(Map.of("COLOR", "red")).build();
        LocalLambda blue = factory(factory).environment(Map.of("COLOR", "blue")).build()) {
      Future<InvocationResult> redResult = callers.submit(() -> red.invokeJson("\"r\""));
      Future<InvocationResult> blueResult = callers.submit(() -> blue.invokeJson("\"b\""));

      assertThat(redResult.get().payloadAsString()).isEqualTo("\"red/red, r\"");
      assertThat(blueResult.get().payloadAsString()).isEqualTo("\"blue/blue, b\"");
    } finally {
      callers.shutdownNow();
    }
  }
}
