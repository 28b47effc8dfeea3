package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.Greeter;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * lambda-local-cognito-mock is an optional dependency: without it (and without WireMock and the AWS
 * SDK) {@code @LambdaTest} works, because no class that refers to them is loaded unless
 * {@code @WithCognitoMock} is used — and then its absence is a message, not a {@link
 * NoClassDefFoundError}.
 *
 * <p>The fixtures run in a fresh copy of JUnit and lambda-local, loaded by a class loader that
 * refuses those packages and records every attempt to load from them. This class itself refers to
 * none of them, so that the copy can load it.
 */
class OptionalDependencyTests {

  private static final List<String> HIDDEN =
      List.of(
          "dev.lambdalocal.cognito.",
          // the offline account, part of lambda-local-cognito-mock too
          "dev.lambdalocal.account.",
          "software.amazon.awssdk.",
          "com.github.tomakehurst.",
          "org.wiremock.",
          // wiremock-standalone's relocated Jetty, Jackson, Guava, …
          "wiremock.");

  @Test
  void aLambdaTestRunsWithoutTheMockWireMockOrTheAwsSdk() throws Exception {
    try (HidingClassLoader loader = new HidingClassLoader()) {
      String outcome = loader.run(Plain.class);

      assertThat(outcome).isEqualTo("2 succeeded");
      // Only the check for the default offline account looked; the function ran without it.
      assertThat(loader.refused()).containsOnly("dev.lambdalocal.account.OfflineAccount");
    }
  }

  @Test
  void withoutTheMockWithCognitoMockSaysWhatToAdd() throws Exception {
    try (HidingClassLoader loader = new HidingClassLoader()) {
      String outcome = loader.run(NeedsTheMock.class);

      assertThat(outcome)
          .isEqualTo(
              "0 succeeded\n"
                  + "org.junit.jupiter.api.extension.ExtensionConfigurationException:"
                  + " @WithCognitoMock on class "
                  + NeedsTheMock.class.getName()
                  + ": needs lambda-local-cognito-mock on the test class path"
                  + " (dev.lambdalocal.cognito.CognitoMock is missing); add the test dependency"
                  + " dev.lambdalocal:lambda-local-cognito-mock");
      // Only the check itself looked.
      assertThat(loader.refused()).containsExactly("dev.lambdalocal.cognito.CognitoMock");
    }
  }

  @Test
  void withoutTheMockWithApiGatewaySaysWhatToAdd() throws Exception {
    try (HidingClassLoader loader = new HidingClassLoader()) {
      String outcome = loader.run(NeedsTheApi.class);

      assertThat(outcome)
          .isEqualTo(
              "0 succeeded\n"
                  + "org.junit.jupiter.api.extension.ExtensionConfigurationException:"
                  + " @WithApiGateway on class "
                  + NeedsTheApi.class.getName()
                  + ": needs lambda-local-cognito-mock on the test class path"
                  + " (dev.lambdalocal.cognito.CognitoMock is missing); add the test dependency"
                  + " dev.lambdalocal:lambda-local-cognito-mock");
      assertThat(loader.refused()).containsExactly("dev.lambdalocal.cognito.CognitoMock");
    }
  }

  @Test
  void theHiddenPackagesAreReallyHidden() throws Exception {
    try (HidingClassLoader loader = new HidingClassLoader()) {
      String outcome = loader.run(LooksForTheMock.class);

      assertThat(outcome).isEqualTo("1 succeeded");
      assertThat(loader.refused()).containsExactly("dev.lambdalocal.cognito.CognitoMock");
    }
  }

  @Test
  void onlyTheCognitoPackageMentionsTheMockTheSdkOrWireMock() throws Exception {
    Path classes =
        Path.of(LambdaTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes).isDirectory();
    List<String> mentioning = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (bytes.contains("dev/lambdalocal/cognito/")
            || bytes.contains("software/amazon/awssdk/")
            || bytes.contains("com/github/tomakehurst/")) {
          mentioning.add(classes.relativize(file).toString().replace(File.separatorChar, '/'));
        }
      }
    }

    assertThat(mentioning)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).startsWith("dev/lambdalocal/junit/internal/cognito/"));
  }

  /** Loads everything from the test class path except the hidden packages, JUnit included. */
  static final class HidingClassLoader extends URLClassLoader {

    private final List<String> refused = new CopyOnWriteArrayList<>();

    HidingClassLoader() throws MalformedURLException {
      super("hiding", classPath(), ClassLoader.getPlatformClassLoader());
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      return urls.toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (HIDDEN.stream().anyMatch(name::startsWith)) {
        refused.add(name);
        throw new ClassNotFoundException(name + " is hidden");
      }
      return super.loadClass(name, resolve);
    }

    /** Return the names of the hidden classes something tried to load. */
    List<String> refused() {
      return List.copyOf(refused);
    }

    /** Run a fixture with the copy of JUnit this loader holds; return {@link Isolated#run}'s. */
    String run(Class<?> fixture) throws ReflectiveOperationException {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(this);
      try {
        Class<?> isolated = loadClass(Isolated.class.getName());
        assertThat(isolated).isNotSameAs(Isolated.class);
        return (String) isolated.getMethod("run", String.class).invoke(null, fixture.getName());
      } catch (InvocationTargetException e) {
        throw new AssertionError(e.getCause());
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  /** Runs inside the hiding class loader. */
  public static final class Isolated {

    private Isolated() {}

    /**
     * Run a fixture class.
     *
     * @return {@code "<n> succeeded"}, then a line per failure: its exception's class and message
     */
    public static String run(String fixtureName) throws ClassNotFoundException {
      Class<?> fixture = Class.forName(fixtureName, true, Isolated.class.getClassLoader());
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
              .configurationParameter(LambdaTest.QUIET_KEY, "true")
              .selectors(selectClass(fixture))
              .execute();
      return results.testEvents().succeeded().count()
          + " succeeded"
          + results.allEvents().failed().stream()
              .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
              .map(result -> result.getThrowable().orElseThrow())
              .map(failure -> "\n" + failure.getClass().getName() + ": " + failure.getMessage())
              .collect(Collectors.joining());
    }
  }

  @LambdaTest(handler = Greeter.class)
  static class Plain {
    @Test
    void everyParameterOfLambdaTest(
        LocalLambda lambda,
        Context context,
        Identity caller,
        InvokeOptions asCaller,
        @Event("events/greeting.json") Map<String, String> event) {
      assertThat(lambda.invoke(event, asCaller).returnValue(String.class)).isEqualTo("Hello, Ada");
      assertThat(context.getIdentity()).isEqualTo(caller);
      assertThat(Identity.isCognitoId(caller.identityId())).isTrue();
    }

    @Test
    void eventsWithPlaceholders(@Event("events/api-request.json") String request, Identity caller) {
      assertThat(request).contains(caller.identityId(), caller.identityPoolId());
    }
  }

  @WithCognitoMock
  static class NeedsTheMock {
    @Test
    void test() {}
  }

  @WithApiGateway(
      definition = "src/test/resources/api/caller.yaml",
      functions = @ApiFunction(name = "Caller", handler = Greeter.class))
  static class NeedsTheApi {
    @Test
    void test() {}
  }

  /** Proves the loader hides what it should: the fixture runs, the mock cannot be found. */
  static class LooksForTheMock {
    @Test
    void theMockIsNotThere() {
      try {
        Class.forName("dev.lambdalocal.cognito.CognitoMock");
        throw new AssertionError("dev.lambdalocal.cognito.CognitoMock was found");
      } catch (ClassNotFoundException expected) {
        assertThat(expected).hasMessageContaining("is hidden");
      }
    }
  }
}
