package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.Greeter;
import dev.lambdalocal.junit.handlers.NotAHandler;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every misuse fails with a message that names the attribute or parameter and the value. */
class MisuseTests {

  private static final String PREFIX = "dev.lambdalocal.junit.MisuseTests$";

  private static Throwable failureOf(Class<?> fixture) {
    return Kit.onlyFailure(Kit.run(fixture));
  }

  @Test
  void aTimeoutThatIsNoDuration() {
    assertThat(failureOf(TimeoutText.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(timeout = \"2 sec\") on class "
                + PREFIX
                + "TimeoutText: not a duration; write e.g. \"3s\", \"1m\", \"3000ms\" or \"PT3S\"");
  }

  @LambdaTest(handler = Greeter.class, timeout = "2 sec")
  static class TimeoutText {
    @Test
    void test() {}
  }

  @Test
  void aTimeoutLambdaDoesNotAllow() {
    assertThat(failureOf(TimeoutRange.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(timeout = \"1500ms\") on class "
                + PREFIX
                + "TimeoutRange: Timeout must be a whole number of seconds from 1 to 900");
  }

  @LambdaTest(handler = Greeter.class, timeout = "1500ms")
  static class TimeoutRange {
    @Test
    void test() {}
  }

  @Test
  void aMethodsMemorySizeLambdaDoesNotAllow() {
    assertThat(failureOf(MethodMemory.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(memorySize = 20000) on method "
                + PREFIX
                + "MethodMemory#test(): Memory size must be between 128 and 10240 MB");
  }

  @LambdaTest(handler = Greeter.class)
  static class MethodMemory {
    @Test
    @LambdaTest(memorySize = 20000)
    void test() {}
  }

  @Test
  void anEnvironmentPairWithoutValue() {
    assertThat(failureOf(EnvPair.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(env = \"TABLE\") on class " + PREFIX + "EnvPair: expected NAME=value");
  }

  @LambdaTest(handler = Greeter.class, env = "TABLE")
  static class EnvPair {
    @Test
    void test() {}
  }

  @Test
  void aReservedEnvironmentVariable() {
    assertThat(failureOf(ReservedVariable.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(env = \"AWS_REGION=mars-1\") on class "
                + PREFIX
                + "ReservedVariable: Lambda was unable to configure your environment variables"
                + " because the environment variables you have provided contains reserved keys"
                + " that are currently not supported for modification. Reserved keys used in this"
                + " request: AWS_REGION");
  }

  @LambdaTest(handler = Greeter.class, env = "AWS_REGION=mars-1")
  static class ReservedVariable {
    @Test
    void test() {}
  }

  @Test
  void anEnvironmentFileThatDoesNotExist() {
    assertThat(failureOf(MissingEnvFile.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(envFile = \"missing-env.json\") on class "
                + PREFIX
                + "MissingEnvFile: missing-env.json: environment variables file not found ("
                + Path.of("missing-env.json").toAbsolutePath()
                + ")");
  }

  @LambdaTest(handler = Greeter.class, env = "TABLE=pets", envFile = "missing-env.json")
  static class MissingEnvFile {
    @Test
    void test() {}
  }

  @Test
  void aHandlerClassThatDoesNotExist() {
    assertThat(failureOf(MissingClass.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(handlerName = \"dev.lambdalocal.junit.handlers.Missing::handle\") on class "
                + PREFIX
                + "MissingClass: Class not found: dev.lambdalocal.junit.handlers.Missing");
  }

  @LambdaTest(handlerName = "dev.lambdalocal.junit.handlers.Missing::handle")
  static class MissingClass {
    @Test
    void test() {}
  }

  @Test
  void aHandlerMethodThatDoesNotExist() {
    assertThat(failureOf(MissingMethod.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(handler = Greeter.class, method = \"greet\") on class "
                + PREFIX
                + "MissingMethod: No public method named greet with appropriate method signature"
                + " found on class dev.lambdalocal.junit.handlers.Greeter");
  }

  @LambdaTest(handler = Greeter.class, method = "greet")
  static class MissingMethod {
    @Test
    void test() {}
  }

  @Test
  void aClassThatIsNoHandler() {
    assertThat(failureOf(NoHandler.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(handler = NotAHandler.class) on class "
                + PREFIX
                + "NoHandler: Class does not implement an appropriate handler interface:"
                + " dev.lambdalocal.junit.handlers.NotAHandler");
  }

  @LambdaTest(handler = NotAHandler.class)
  static class NoHandler {
    @Test
    void test() {}
  }

  @Test
  void anInvalidHandlerString() {
    assertThat(failureOf(InvalidHandlerString.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest(handlerName = \"dev.lambdalocal.junit.handlers.Greeter::\") on class "
                + PREFIX
                + "InvalidHandlerString: Invalid handler: `dev.lambdalocal.junit.handlers.Greeter::'");
  }

  @LambdaTest(handlerName = "dev.lambdalocal.junit.handlers.Greeter::")
  static class InvalidHandlerString {
    @Test
    void test() {}
  }

  @Test
  void twoHandlers() {
    assertThat(failureOf(TwoHandlers.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@LambdaTest on class " + PREFIX + "TwoHandlers: set handler or handlerName, not both");
  }

  @LambdaTest(handler = Greeter.class, handlerName = "dev.lambdalocal.junit.handlers.Greeter")
  static class TwoHandlers {
    @Test
    void test() {}
  }

  @Test
  void aFunctionParameterWithoutHandler() {
    assertThat(failureOf(NoHandlerSet.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "parameter 'lambda' of method "
                + PREFIX
                + "NoHandlerSet#test(LocalLambda) needs a function: set @LambdaTest(handler = …)"
                + " or @LambdaTest(handlerName = \"…\")");
  }

  @LambdaTest(timeout = "5s")
  static class NoHandlerSet {
    @Test
    void test(LocalLambda lambda) {}
  }

  @Test
  void aConfigurationParameterThatIsNoDuration() {
    EngineExecutionResults results =
        Kit.run(TimeoutText.class, Map.of(LambdaTest.TIMEOUT_KEY, "soon"));

    assertThat(Kit.onlyFailure(results))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "configuration parameter lambdalocal.timeout.default = \"soon\": not a duration;"
                + " write e.g. \"3s\", \"1m\", \"3000ms\" or \"PT3S\"");
  }

  @Test
  void aMissingEventFile() {
    assertThat(failureOf(MissingEvent.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "@Event(\"events/missing.json\") on parameter 'event' of method "
                + PREFIX
                + "MissingEvent#test(SQSEvent): events/missing.json: no such class path resource"
                + " or file (looked for "
                + Path.of("events/missing.json").toAbsolutePath()
                + ")");
  }

  static class MissingEvent {
    @Test
    void test(@Event("events/missing.json") SQSEvent event) {}
  }

  @Test
  void aMalformedEventFile() {
    assertThat(failureOf(MalformedEvent.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "@Event(\"events/malformed.json\") on parameter 'event' of method "
                + PREFIX
                + "MalformedEvent#test(Map): events/malformed.json: line 3, column 10: Unexpected"
                + " character ('}' (code 125)): expected a value");
  }

  static class MalformedEvent {
    @Test
    void test(@Event("events/malformed.json") Map<String, Object> event) {}
  }

  @Test
  void anEventThatDoesNotFitTheParameter() {
    assertThat(failureOf(WrongType.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith(
            "@Event(\"events/greeting.json\") on parameter 'count' of method "
                + PREFIX
                + "WrongType#test(Integer): events/greeting.json: cannot read as java.lang.Integer: ");
  }

  static class WrongType {
    @Test
    void test(@Event("events/greeting.json") Integer count) {}
  }

  @Test
  void aMissingEventFolder() {
    assertThat(failureOf(MissingFolder.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@EventSource on method "
                + PREFIX
                + "MissingFolder#test(SQSEvent): events/none: no such class path folder or"
                + " directory (looked for "
                + Path.of("events/none").toAbsolutePath()
                + ")");
  }

  static class MissingFolder {
    @ParameterizedTest
    @EventSource(folder = "events/none")
    void test(SQSEvent event) {}
  }

  @Test
  void aFolderWithoutEvents() {
    assertThat(failureOf(NoEvents.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@EventSource on method "
                + PREFIX
                + "NoEvents#test(SQSEvent): no files ending in \".yaml\" in folder events/sqs");
  }

  static class NoEvents {
    @ParameterizedTest
    @EventSource(folder = "events/sqs", suffix = ".yaml")
    void test(SQSEvent event) {}
  }

  @Test
  void anEventTypeThatDoesNotFitTheParameter() {
    assertThat(failureOf(EventsType.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@EventSource on method "
                + PREFIX
                + "EventsType#test(String): type com.amazonaws.services.lambda.runtime.events.SQSEvent"
                + " does not fit parameter 'json' of type java.lang.String");
  }

  static class EventsType {
    @ParameterizedTest
    @EventSource(folder = "events/sqs", type = SQSEvent.class)
    void test(String json) {}
  }

  @Test
  void moreEventsThanResponses() {
    assertThat(failureOf(Unpaired.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@HandlerParams on method "
                + PREFIX
                + "Unpaired#test(String, String): 2 events [1.json, 2.json] but 1 responses"
                + " [apigw/responses/1.json]; each event needs one response");
  }

  static class Unpaired {
    @ParameterizedTest
    @HandlerParams(
        events = @EventSource(folder = "apigw/events"),
        responses = @Responses(files = "apigw/responses/1.json"))
    void test(String event, String response) {}
  }
}
