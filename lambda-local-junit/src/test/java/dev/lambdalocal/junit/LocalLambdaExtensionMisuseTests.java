package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest.ColdStart;
import dev.lambdalocal.junit.LocalLambdaExtensionTests.Teller;
import dev.lambdalocal.junit.handlers.Greeter;
import dev.lambdalocal.junit.handlers.NotAHandler;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every misuse of {@link LocalLambdaExtension} fails with a message naming the field at fault. */
class LocalLambdaExtensionMisuseTests {

  private static final String PREFIX = "dev.lambdalocal.junit.LocalLambdaExtensionMisuseTests$";

  private static Throwable failureOf(Class<?> fixture) {
    return Kit.onlyFailure(Kit.run(fixture));
  }

  @Test
  void bothTheAnnotationAndTheExtension() {
    assertThat(failureOf(Both.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension in static field "
                + PREFIX
                + "Both.lambda and @LambdaTest on class "
                + PREFIX
                + "Both: configure the function with one of them, not both");
  }

  @LambdaTest(handler = Greeter.class)
  static class Both {
    @RegisterExtension
    static LocalLambdaExtension lambda =
        LocalLambdaExtension.builder().handler(Teller.class).build();

    @Test
    void test() {}
  }

  @Test
  void twoRegistrations() {
    assertThat(failureOf(Two.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "static field "
                + PREFIX
                + "Two.first and static field "
                + PREFIX
                + "Two.second: register one LocalLambdaExtension per test class");
  }

  static class Two {
    @RegisterExtension
    static LocalLambdaExtension first =
        LocalLambdaExtension.builder().handler(Teller.class).build();

    @RegisterExtension
    static LocalLambdaExtension second =
        LocalLambdaExtension.builder().handler(Greeter.class).build();

    @Test
    void test() {}
  }

  @Test
  void noHandler() {
    assertThat(failureOf(NoHandler.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension in static field "
                + PREFIX
                + "NoHandler.lambda: set a handler with handler(…) or handlerName(…)");
  }

  static class NoHandler {
    @RegisterExtension
    static LocalLambdaExtension lambda =
        LocalLambdaExtension.builder().timeout(Duration.ofSeconds(2)).build();

    @Test
    void test() {}
  }

  @Test
  void twoHandlers() {
    assertThat(failureOf(TwoHandlers.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension in static field "
                + PREFIX
                + "TwoHandlers.lambda: set one handler, not 2"
                + " (handler(…) and handlerName(…) each set it)");
  }

  static class TwoHandlers {
    @RegisterExtension
    static LocalLambdaExtension lambda =
        LocalLambdaExtension.builder()
            .handler(Teller.class)
            .handlerName(Greeter.class.getName())
            .build();

    @Test
    void test() {}
  }

  @Test
  void aTimeoutLambdaDoesNotAllow() {
    assertThat(failureOf(Timeout.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension(timeout = PT1.5S) in static field "
                + PREFIX
                + "Timeout.lambda: Timeout must be a whole number of seconds from 1 to 900");
  }

  static class Timeout {
    @RegisterExtension
    static LocalLambdaExtension lambda =
        LocalLambdaExtension.builder()
            .handler(Teller.class)
            .timeout(Duration.ofMillis(1500))
            .build();

    @Test
    void test() {}
  }

  @Test
  void aMemorySizeLambdaDoesNotAllow() {
    assertThat(failureOf(Memory.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension(memorySize = 64) in field "
                + PREFIX
                + "Memory.lambda: Memory size must be between 128 and 10240 MB");
  }

  static class Memory {
    @RegisterExtension
    LocalLambdaExtension lambda =
        LocalLambdaExtension.builder().handler(Teller.class).memorySize(64).build();

    @Test
    void test() {}
  }

  @Test
  void aFactoryOfAClassThatIsNoHandler() {
    assertThat(failureOf(FactoryOfNoHandler.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension(handler = NotAHandler.class) in static field "
                + PREFIX
                + "FactoryOfNoHandler.lambda: Class does not implement an appropriate handler"
                + " interface: "
                + NotAHandler.class.getName());
  }

  static class FactoryOfNoHandler {
    @RegisterExtension
    static LocalLambdaExtension lambda =
        LocalLambdaExtension.builder().handler(NotAHandler.class, NotAHandler::new).build();

    @Test
    void test() {}
  }

  @Test
  void aFactoryReturningAnotherClassFailsTheTestThatInvokes() {
    Throwable failure = failureOf(WrongType.class);

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension in static field "
                + PREFIX
                + "WrongType.lambda: the handler factory returned a "
                + Greeter.class.getName()
                + ", which is not a "
                + Teller.class.getName());
  }

  static class WrongType {
    // What an unchecked conversion lets through; the compiler stops the plain mistake.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Supplier<Teller> WRONG = (Supplier) Greeter::new;

    @RegisterExtension
    static LocalLambdaExtension lambda =
        LocalLambdaExtension.builder().handler(Teller.class, WRONG).build();

    @Test
    void test(LocalLambda lambda) {
      lambda.invokeJson("\"x\"");
    }
  }

  @Test
  void aFactoryReturningNullFailsTheTestThatInvokes() {
    assertThat(failureOf(Null.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension in field "
                + PREFIX
                + "Null.lambda: the handler factory returned null instead of a "
                + Teller.class.getName());
  }

  static class Null {
    @RegisterExtension
    LocalLambdaExtension lambda =
        LocalLambdaExtension.builder().handler(Teller.class, () -> null).build();

    @Test
    void test(LocalLambda lambda) {
      lambda.invokeJson("\"x\"");
    }
  }

  @Test
  void aFunctionPerClassInAnInstanceField() {
    assertThat(failureOf(InstancePerClass.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "LocalLambdaExtension(coldStart = PER_CLASS) in field "
                + PREFIX
                + "InstancePerClass.lambda: a function per class needs a static field");
  }

  static class InstancePerClass {
    @RegisterExtension
    LocalLambdaExtension lambda =
        LocalLambdaExtension.builder().handler(Teller.class).coldStart(ColdStart.PER_CLASS).build();

    @Test
    void test() {}
  }
}
