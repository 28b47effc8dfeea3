package dev.lambdalocal.core.internal.handler;

import static dev.lambdalocal.core.internal.handler.Invocations.failure;
import static dev.lambdalocal.core.internal.handler.Invocations.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users see of the stack: their frames and the reflection frames above the runtime, none of
 * ours. The user classes live outside our package, as a deployed function's do.
 */
class StackTraceTests {

  private static final String THROWER =
      """
      package example;
      import java.io.*;
      public class Thrower {
        public String fail(String event) {
          throw new IllegalStateException("bad " + event);
        }
        public void nested(String event) {
          IllegalStateException failure =
              new IllegalStateException("outer", new IllegalArgumentException("inner"));
          failure.addSuppressed(new RuntimeException("suppressed"));
          throw failure;
        }
        public void checked(InputStream in, OutputStream out) throws IOException {
          throw new IOException("disk full");
        }
      }
      """;

  private static final String POJO_HANDLER =
      """
      package example;
      import com.amazonaws.services.lambda.runtime.*;
      public class Failing implements RequestHandler<String, String> {
        public String handleRequest(String event, Context context) {
          throw new UnsupportedOperationException("nope");
        }
      }
      """;

  private static final String CONSTRUCTOR =
      """
      package example;
      public class Unconstructible {
        public Unconstructible() {
          throw new IllegalStateException("no database");
        }
        public String handle() {
          return "never";
        }
      }
      """;

  @TempDir static Path classes;
  private static URLClassLoader classLoader;

  @BeforeAll
  static void compile() throws IOException {
    JavaSources.compile(
        classes,
        Map.of(
            "example.Thrower",
            THROWER,
            "example.Failing",
            POJO_HANDLER,
            "example.Unconstructible",
            CONSTRUCTOR));
    classLoader = JavaSources.loaderOf(classes);
  }

  @AfterAll
  static void close() throws IOException {
    classLoader.close();
  }

  private static LoadedHandler load(String handler) {
    return loader().load(handler, classLoader);
  }

  private static List<String> classesOf(Throwable throwable) {
    return Arrays.stream(throwable.getStackTrace()).map(StackTraceElement::getClassName).toList();
  }

  @Test
  void methodHandlerExceptionEndsAtTheReflectionCall() {
    Throwable thrown = failure(load("example.Thrower::fail"), "\"x\"");

    assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class).hasMessage("bad x");
    StackTraceElement[] frames = thrown.getStackTrace();
    assertThat(frames[0].getClassName()).isEqualTo("example.Thrower");
    assertThat(frames[0].getMethodName()).isEqualTo("fail");
    assertThat(frames[frames.length - 1].getClassName()).isEqualTo("java.lang.reflect.Method");
    assertThat(frames[frames.length - 1].getMethodName()).isEqualTo("invoke");
  }

  @Test
  void requestHandlerExceptionKeepsOnlyUserFrames() {
    Throwable thrown = failure(load("example.Failing"), "\"x\"");

    assertThat(thrown).isExactlyInstanceOf(UnsupportedOperationException.class).hasMessage("nope");
    // The user's method and the bridge the compiler added for RequestHandler<String, String>.
    assertThat(classesOf(thrown)).containsExactly("example.Failing", "example.Failing");
  }

  @Test
  void causesAndSuppressedAreFilteredToo() {
    Throwable thrown = failure(load("example.Thrower::nested"), "\"x\"");

    Throwable cause = thrown.getCause();
    Throwable suppressed = thrown.getSuppressed()[0];
    assertThat(cause).hasMessage("inner");
    assertThat(suppressed).hasMessage("suppressed");
    for (Throwable each : List.of(thrown, cause, suppressed)) {
      assertThat(classesOf(each)).first().isEqualTo("example.Thrower");
      assertThat(classesOf(each)).last().isEqualTo("java.lang.reflect.Method");
    }
  }

  @Test
  void checkedExceptionFromAStreamMethodIsThrownAsIs() {
    Throwable thrown = failure(load("example.Thrower::checked"), "{}");

    assertThat(thrown).isExactlyInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(classesOf(thrown)).first().isEqualTo("example.Thrower");
  }

  @Test
  void constructorFailureTraceShowsTheUsersConstructor() {
    HandlerFault fault =
        catchThrowableOfType(HandlerFault.class, () -> load("example.Unconstructible::handle"));

    assertThat(fault.fatal()).isTrue();
    assertThat(fault.trace())
        .startsWith(
            "java.lang.IllegalStateException: no database\n"
                + "\tat example.Unconstructible.<init>(Unconstructible.java:4)\n")
        .doesNotContain(StackTraces.RUNTIME_PREFIX)
        .contains("java.lang.reflect.Constructor.newInstance");
  }
}
