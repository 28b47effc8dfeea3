package dev.lambdalocal.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measure what a warm {@link LocalLambda} adds to a handler call: the same trivial handlers are
 * called directly (a plain method call with a context made once) and through {@link
 * LocalLambda#invokeJson(String)}, which parses the payload with the runtime's serializer, builds a
 * fresh context with a deadline, runs the handler on the worker thread with Lambda's environment
 * and output capture, serializes the result and writes the START/END/REPORT lines.
 *
 * <p>The overhead per invoke is {@code invokeJson* - directCall*}; the target is at most 20 µs.
 *
 * <p>{@code threadHandoff} is a reference, not a floor: the direct call handed as a task to a plain
 * cached thread pool and awaited, with nothing of lambda-local involved — the hand-off lambda-local
 * first used. Its worker now spins briefly between tasks instead of parking, so a warm {@code
 * invokeJson*} wakes no parked thread and is measured well below {@code threadHandoff}; the
 * difference says what a parked-thread wake-up costs on the machine at hand. See {@code
 * docs/performance.md} for the results.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class InvokeOverheadBenchmark {

  private static final String TEXT = "hello, lambda";
  private static final String TEXT_JSON = "\"hello, lambda\"";
  private static final String GREETING_JSON = "{\"name\":\"Ada\",\"times\":3}";

  private final UpperCaseHandler upperCase = new UpperCaseHandler();
  private final GreetingHandler greeting = new GreetingHandler();
  private String text;
  private Greeting greetingEvent;
  private Context context;
  private LocalLambda upperCaseLambda;
  private LocalLambda greetingLambda;
  private ExecutorService workers;

  /** Start both functions and invoke each once, so that every measured invocation is warm. */
  @Setup(Level.Trial)
  public void setUp() {
    upperCaseLambda = LocalLambda.builder().handler(UpperCaseHandler.class).quiet(true).build();
    greetingLambda = LocalLambda.builder().handler(GreetingHandler.class).quiet(true).build();
    check(upperCaseLambda.invokeJson(TEXT_JSON), "\"HELLO, LAMBDA\"");
    check(greetingLambda.invokeJson(GREETING_JSON), "\"message\":\"Hello, Ada\"");
    context = upperCaseLambda.newContext(InvokeOptions.defaults());
    text = TEXT;
    greetingEvent = new Greeting();
    greetingEvent.setName("Ada");
    greetingEvent.setTimes(3);
    workers = Executors.newCachedThreadPool();
  }

  /** Stop the functions' worker threads. */
  @TearDown(Level.Trial)
  public void tearDown() {
    upperCaseLambda.close();
    greetingLambda.close();
    workers.shutdownNow();
  }

  /** Call the {@code String -> String} handler as a plain method. */
  @Benchmark
  public String directCallString() {
    return upperCase.handleRequest(text, context);
  }

  /** Invoke the {@code String -> String} handler through lambda-local with a JSON payload. */
  @Benchmark
  public byte[] invokeJsonString() {
    return payloadOf(upperCaseLambda.invokeJson(TEXT_JSON));
  }

  /** Call the POJO handler as a plain method with an already-built event object. */
  @Benchmark
  public Reply directCallPojo() {
    return greeting.handleRequest(greetingEvent, context);
  }

  /** Invoke the POJO handler through lambda-local with a JSON payload. */
  @Benchmark
  public byte[] invokeJsonPojo() {
    return payloadOf(greetingLambda.invokeJson(GREETING_JSON));
  }

  /** Hand the {@code String -> String} handler's call to a worker thread and wait for it. */
  @Benchmark
  public String threadHandoff() throws InterruptedException, ExecutionException {
    return workers.submit(() -> upperCase.handleRequest(text, context)).get();
  }

  private static byte[] payloadOf(InvocationResult result) {
    // A failing invocation takes another path; it must never be measured as if it were the normal
    // one.
    if (result.isError()) {
      throw new IllegalStateException("The benchmark invocation failed: " + result);
    }
    return result.payload();
  }

  private static void check(InvocationResult result, String expectedPart) {
    String payload = new String(payloadOf(result), StandardCharsets.UTF_8);
    if (!payload.contains(expectedPart)) {
      throw new IllegalStateException(
          "Expected a payload containing "
              + expectedPart
              + " but the function returned "
              + payload);
    }
  }

  /**
   * A trivial {@code RequestHandler<String, String>}: the smallest amount of work a handler can do.
   *
   * @since 0.1.0
   */
  public static final class UpperCaseHandler implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String input, Context context) {
      return input.toUpperCase(Locale.ROOT);
    }
  }

  /**
   * A small POJO handler, as most functions are: a JSON object in, a JSON object out.
   *
   * @since 0.1.0
   */
  public static final class GreetingHandler implements RequestHandler<Greeting, Reply> {
    @Override
    public Reply handleRequest(Greeting input, Context context) {
      Reply reply = new Reply();
      reply.setMessage("Hello, " + input.getName());
      reply.setLength(reply.getMessage().length());
      return reply;
    }
  }

  /**
   * The POJO handler's event, a JavaBean as the runtime's serializer expects.
   *
   * @since 0.1.0
   */
  public static final class Greeting {
    private String name;
    private int times;

    /** Return the name to greet. */
    public String getName() {
      return name;
    }

    /** Set the name to greet. */
    public void setName(String name) {
      this.name = name;
    }

    /** Return how many times to greet. */
    public int getTimes() {
      return times;
    }

    /** Set how many times to greet. */
    public void setTimes(int times) {
      this.times = times;
    }
  }

  /**
   * The POJO handler's result.
   *
   * @since 0.1.0
   */
  public static final class Reply {
    private String message;
    private int length;

    /** Return the greeting. */
    public String getMessage() {
      return message;
    }

    /** Set the greeting. */
    public void setMessage(String message) {
      this.message = message;
    }

    /** Return the greeting's length. */
    public int getLength() {
      return length;
    }

    /** Set the greeting's length. */
    public void setLength(int length) {
      this.length = length;
    }
  }
}
