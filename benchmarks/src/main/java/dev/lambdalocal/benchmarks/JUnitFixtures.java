package dev.lambdalocal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JUnit test classes that {@link LambdaTestOverheadBenchmark} runs in-process: the same tests
 * of the same trivial handler written three ways, each with one test and with twenty.
 *
 * <ul>
 *   <li>{@code Plain*}: a plain JUnit class whose tests call the handler as a Java method;
 *   <li>{@code Core*}: a plain JUnit class that builds a {@link LocalLambda} itself in
 *       {@code @BeforeAll} and invokes it (lambda-local-core without the JUnit extension);
 *   <li>{@code LambdaTest*}: a {@link LambdaTest @LambdaTest} class whose tests receive the {@link
 *       LocalLambda} as a parameter and invoke it.
 * </ul>
 *
 * <p>They live in the benchmarks JAR (src/main/java), so the benchmark can select them; the module
 * has no tests, so Surefire never runs them. Every test checks the handler's answer, and the
 * benchmark checks that every test passed.
 *
 * @since 0.1.0
 */
public final class JUnitFixtures {

  private JUnitFixtures() {}

  /**
   * The handler under test: upper-cases its input.
   *
   * @since 0.1.0
   */
  public static final class UpperCase implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String input, Context context) {
      return input.toUpperCase(Locale.ROOT);
    }
  }

  /** Call the handler directly, as a plain unit test would (the handler ignores its context). */
  static void checkDirect(UpperCase handler, int test) {
    assertEquals("HELLO " + test, handler.handleRequest("hello " + test, null));
  }

  /** Invoke the function with a JSON payload and check Lambda's response payload. */
  static void checkInvoke(LocalLambda lambda, int test) {
    InvocationResult result = lambda.invokeJson("\"hello " + test + "\"");
    assertEquals("\"HELLO " + test + "\"", result.payloadAsString(), result::toString);
  }

  /** One test, calling the handler directly. */
  static final class PlainOne {
    private final UpperCase handler = new UpperCase();

    @Test
    void test01() {
      checkDirect(handler, 1);
    }
  }

  /** Twenty tests, calling the handler directly. */
  static final class PlainTwenty {
    private final UpperCase handler = new UpperCase();

    @Test
    void test01() {
      checkDirect(handler, 1);
    }

    @Test
    void test02() {
      checkDirect(handler, 2);
    }

    @Test
    void test03() {
      checkDirect(handler, 3);
    }

    @Test
    void test04() {
      checkDirect(handler, 4);
    }

    @Test
    void test05() {
      checkDirect(handler, 5);
    }

    @Test
    void test06() {
      checkDirect(handler, 6);
    }

    @Test
    void test07() {
      checkDirect(handler, 7);
    }

    @Test
    void test08() {
      checkDirect(handler, 8);
    }

    @Test
    void test09() {
      checkDirect(handler, 9);
    }

    @Test
    void test10() {
      checkDirect(handler, 10);
    }

    @Test
    void test11() {
      checkDirect(handler, 11);
    }

    @Test
    void test12() {
      checkDirect(handler, 12);
    }

    @Test
    void test13() {
      checkDirect(handler, 13);
    }

    @Test
    void test14() {
      checkDirect(handler, 14);
    }

    @Test
    void test15() {
      checkDirect(handler, 15);
    }

    @Test
    void test16() {
      checkDirect(handler, 16);
    }

    @Test
    void test17() {
      checkDirect(handler, 17);
    }

    @Test
    void test18() {
      checkDirect(handler, 18);
    }

    @Test
    void test19() {
      checkDirect(handler, 19);
    }

    @Test
    void test20() {
      checkDirect(handler, 20);
    }
  }

  /** One test, invoking a {@link LocalLambda} that the class builds and closes itself. */
  static final class CoreOne {
    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
      lambda = LocalLambda.builder().handler(UpperCase.class).quiet(true).build();
    }

    @AfterAll
    static void stop() {
      lambda.close();
    }

    @Test
    void test01() {
      checkInvoke(lambda, 1);
    }
  }

  /** Twenty tests, invoking a {@link LocalLambda} that the class builds and closes itself. */
  static final class CoreTwenty {
    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
      lambda = LocalLambda.builder().handler(UpperCase.class).quiet(true).build();
    }

    @AfterAll
    static void stop() {
      lambda.close();
    }

    @Test
    void test01() {
      checkInvoke(lambda, 1);
    }

    @Test
    void test02() {
      checkInvoke(lambda, 2);
    }

    @Test
    void test03() {
      checkInvoke(lambda, 3);
    }

    @Test
    void test04() {
      checkInvoke(lambda, 4);
    }

    @Test
    void test05() {
      checkInvoke(lambda, 5);
    }

    @Test
    void test06() {
      checkInvoke(lambda, 6);
    }

    @Test
    void test07() {
      checkInvoke(lambda, 7);
    }

    @Test
    void test08() {
      checkInvoke(lambda, 8);
    }

    @Test
    void test09() {
      checkInvoke(lambda, 9);
    }

    @Test
    void test10() {
      checkInvoke(lambda, 10);
    }

    @Test
    void test11() {
      checkInvoke(lambda, 11);
    }

    @Test
    void test12() {
      checkInvoke(lambda, 12);
    }

    @Test
    void test13() {
      checkInvoke(lambda, 13);
    }

    @Test
    void test14() {
      checkInvoke(lambda, 14);
    }

    @Test
    void test15() {
      checkInvoke(lambda, 15);
    }

    @Test
    void test16() {
      checkInvoke(lambda, 16);
    }

    @Test
    void test17() {
      checkInvoke(lambda, 17);
    }

    @Test
    void test18() {
      checkInvoke(lambda, 18);
    }

    @Test
    void test19() {
      checkInvoke(lambda, 19);
    }

    @Test
    void test20() {
      checkInvoke(lambda, 20);
    }
  }
}
