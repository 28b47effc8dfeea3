package dev.lambdalocal.core.internal.handler;

import static dev.lambdalocal.core.internal.handler.Invocations.failure;
import static dev.lambdalocal.core.internal.handler.Invocations.invoke;
import static dev.lambdalocal.core.internal.handler.Invocations.load;
import static dev.lambdalocal.core.internal.handler.Invocations.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Handler strings: syntax, class loading and class initialization. */
class HandlerStringTests {

  @ParameterizedTest
  @ValueSource(strings = {"", "::", "::handle", "example.Handler::"})
  void emptyClassOrMethodIsAnInvalidHandler(String handlerString) {
    HandlerFault fault = (HandlerFault) failure(load(handlerString), "{}");

    assertThat(fault.faultMessage()).isEqualTo("Invalid handler: `" + handlerString + "'");
    assertThat(fault.exceptionType()).isNull();
    assertThat(fault.trace()).isNull();
    assertThat(fault.fatal()).isFalse();
  }

  @Test
  void missingClassIsANonFatalFaultRaisedOnEveryCall() {
    LoadedHandler handler = load("example.Missing::handle");

    HandlerFault fault = (HandlerFault) failure(handler, "{}");

    assertThat(fault.faultMessage()).isEqualTo("Class not found: example.Missing");
    assertThat(fault.exceptionType()).isEqualTo("java.lang.ClassNotFoundException");
    assertThat(fault.trace()).startsWith("java.lang.ClassNotFoundException: example.Missing\n");
    assertThat(fault.trace()).doesNotContain(StackTraces.RUNTIME_PREFIX);
    assertThat(fault.fatal()).isFalse();
    assertThat(failure(handler, "{}")).isSameAs(fault);
    assertThat(handler.inputType()).isEmpty();
  }

  @Test
  void handlerIsSplitAtTheLastDoubleColon() {
    HandlerFault fault = (HandlerFault) failure(load("a::b::c"), "{}");

    assertThat(fault.faultMessage()).isEqualTo("Class not found: a::b");
  }

  /** Fails in its static initializer with an exception, so the JVM wraps it. */
  public static class ThrowingInitializer implements RequestStreamHandler {
    static {
      if (Boolean.TRUE) {
        throw new IllegalStateException("missing configuration");
      }
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {}
  }

  @Test
  void staticInitializerFailureIsFatalAtLoadThenDeferredOnReload() {
    String className = ThrowingInitializer.class.getName();

    HandlerFault first = catchThrowableOfType(HandlerFault.class, () -> load(className));

    // ExceptionInInitializerError has no message of its own, so nothing follows the class name.
    assertThat(first.faultMessage()).isEqualTo("Error loading class " + className);
    assertThat(first.exceptionType()).isEqualTo("java.lang.ExceptionInInitializerError");
    assertThat(first.trace())
        .contains("Caused by: java.lang.IllegalStateException: missing configuration");
    assertThat(first.fatal()).isTrue();

    // The class is now unusable: the JVM throws NoClassDefFoundError, which Lambda defers.
    LoadedHandler second = load(className);
    HandlerFault deferred = (HandlerFault) failure(second, "{}");
    assertThat(deferred.faultMessage())
        .isEqualTo(
            "Error loading class " + className + ": Could not initialize class " + className);
    assertThat(deferred.exceptionType()).isEqualTo("java.lang.NoClassDefFoundError");
    assertThat(deferred.fatal()).isTrue();
  }

  /** Fails in its static initializer with an error, which the JVM does not wrap. */
  public static class ErrorInInitializer implements RequestStreamHandler {
    static {
      if (Boolean.TRUE) {
        throw new AssertionError("bad static state");
      }
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {}
  }

  @Test
  void errorFromStaticInitializerKeepsItsMessage() {
    String className = ErrorInInitializer.class.getName();

    HandlerFault fault =
        catchThrowableOfType(HandlerFault.class, () -> loader().load(ErrorInInitializer.class));

    assertThat(fault.faultMessage())
        .isEqualTo("Error loading class " + className + ": bad static state");
    assertThat(fault.exceptionType()).isEqualTo("java.lang.AssertionError");
    assertThat(fault.fatal()).isTrue();
    assertThat(fault.reportableError())
        .startsWith(
            "Error loading class "
                + className
                + ": bad static state: java.lang.AssertionError\n"
                + "java.lang.AssertionError: bad static state\n");
  }

  @Test
  void missingDependencyIsAFatalFaultReportedOnTheFirstCall(@TempDir Path classes)
      throws Exception {
    JavaSources.compile(
        classes,
        Map.of(
            "example.Dependency",
            "package example; public class Dependency {}",
            "example.Broken",
            """
            package example;
            public class Broken implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
              static final Object DEPENDENCY = new Dependency();
              public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                  com.amazonaws.services.lambda.runtime.Context context) {}
            }
            """));
    Files.delete(classes.resolve("example/Dependency.class"));

    try (URLClassLoader classLoader = JavaSources.loaderOf(classes)) {
      LoadedHandler handler = loader().load("example.Broken", classLoader);

      HandlerFault fault = (HandlerFault) failure(handler, "{}");
      assertThat(fault.faultMessage())
          .isEqualTo("Error loading class example.Broken: example/Dependency");
      assertThat(fault.exceptionType()).isEqualTo("java.lang.NoClassDefFoundError");
      assertThat(fault.fatal()).isTrue();
      assertThat(fault.toLambdaError().stackTrace()).isNull();
    }
  }

  @Test
  void loadsFromTheFunctionsOwnClassLoader(@TempDir Path classes) throws Throwable {
    JavaSources.compile(
        classes,
        Map.of(
            "example.Greeter",
            """
            package example;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.Map;
            public class Greeter implements RequestHandler<Map<String, String>, String> {
              public String handleRequest(Map<String, String> event, Context context) {
                return "Hello, " + event.get("name");
              }
              public static String shout(String word) {
                return word.toUpperCase();
              }
            }
            """));

    try (URLClassLoader classLoader = JavaSources.loaderOf(classes)) {
      assertThatThrownBy(() -> Class.forName("example.Greeter"))
          .isInstanceOf(ClassNotFoundException.class);

      LoadedHandler greeter = loader().load("example.Greeter", classLoader);
      LoadedHandler shout = loader().load("example.Greeter::shout", classLoader);

      assertThat(invoke(greeter, "{\"name\":\"Ada\"}").output()).isEqualTo("\"Hello, Ada\"");
      assertThat(invoke(shout, "\"hey\"").output()).isEqualTo("\"HEY\"");
    }
  }
}
