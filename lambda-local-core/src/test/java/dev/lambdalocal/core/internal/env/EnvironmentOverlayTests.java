package dev.lambdalocal.core.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.internal.scope.ExecutionEnvironment;
import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@SuppressWarnings("try") // scope bindings are there to be closed, not read
class EnvironmentOverlayTests {

  private static final long WAIT_SECONDS = 30;

  private static ExecutorService threads;

  @BeforeAll
  static void install() {
    EnvironmentOverlay.install();
    threads = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void parallelInvocationsSeeOnlyTheirOwnVariables() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    Future<Map<String, String>> red = threads.submit(reader("red", barrier));
    Future<Map<String, String>> blue = threads.submit(reader("blue", barrier));

    assertThat(red.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .containsEntry("COLOUR", "red")
        .containsEntry("ONLY_red", "yes")
        .containsEntry("ONLY_blue", null)
        .containsEntry("map", new TreeMap<>(Map.of("COLOUR", "red", "ONLY_red", "yes")).toString());
    assertThat(blue.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .containsEntry("COLOUR", "blue")
        .containsEntry("ONLY_blue", "yes")
        .containsEntry("ONLY_red", null)
        .containsEntry(
            "map", new TreeMap<>(Map.of("COLOUR", "blue", "ONLY_blue", "yes")).toString());
  }

  /** Read the environment while the other reader is bound too: both wait at the barrier twice. */
  private static Callable<Map<String, String>> reader(String colour, CyclicBarrier barrier) {
    Map<String, String> environment = Map.of("COLOUR", colour, "ONLY_" + colour, "yes");
    return () -> {
      try (InvocationScope.Binding binding = scope(environment).bind()) {
        barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
        Map<String, String> seen = new HashMap<>();
        seen.put("COLOUR", System.getenv("COLOUR"));
        seen.put("ONLY_red", System.getenv("ONLY_red"));
        seen.put("ONLY_blue", System.getenv("ONLY_blue"));
        seen.put("map", new TreeMap<>(System.getenv()).toString());
        barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
        return seen;
      }
    };
  }

  @Test
  void threadsOutsideAnyInvocationSeeTheJvmEnvironment() throws Exception {
    CountDownLatch bound = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    Future<?> invocation =
        threads.submit(
            () -> {
              try (InvocationScope.Binding binding =
                  scope(Map.of("ONLY_IN_SCOPE", "x", "PATH", "/scoped/bin")).bind()) {
                bound.countDown();
                checked.await(WAIT_SECONDS, TimeUnit.SECONDS);
              }
              return null;
            });
    try {
      assertThat(bound.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      // ProcessBuilder copies the JVM's environment without going through System.getenv().
      Map<String, String> jvm = new ProcessBuilder().environment();
      // Less the AWS credentials, which no thread outside a function sees (issue 15, item 3).
      assertThat(System.getenv()).isEqualTo(EnvironmentOverlay.withoutCredentials(jvm));
      assertThat(EnvironmentOverlay.processEnvironment()).isEqualTo(jvm);
      assertThat(System.getenv("ONLY_IN_SCOPE")).isNull();
      assertThat(System.getenv("PATH")).isEqualTo(jvm.get("PATH"));
    } finally {
      checked.countDown();
    }
    invocation.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void mapViewsAgreeWithGetenvOfEachName() {
    Map<String, String> environment = System.getenv();
    // Views taken outside any scope: the JDK caches them, and they must follow the scope anyway.
    Set<String> keys = environment.keySet();
    Set<Map.Entry<String, String>> entries = environment.entrySet();
    Collection<String> values = environment.values();
    Map<String, String> scoped = Map.of("FIRST", "1", "SECOND", "2", "THIRD", "3");

    try (InvocationScope.Binding binding = scope(scoped).bind()) {
      assertThat(System.getenv()).isSameAs(environment).isEqualTo(scoped);
      assertThat(environment.size()).isEqualTo(3);
      assertThat(environment.isEmpty()).isFalse();
      assertThat(keys).containsExactlyInAnyOrder("FIRST", "SECOND", "THIRD");
      assertThat(entries).containsExactlyInAnyOrderElementsOf(scoped.entrySet());
      assertThat(values).containsExactlyInAnyOrder("1", "2", "3");
      assertThat(keys.contains("SECOND")).isTrue();
      assertThat(environment.containsKey("SECOND")).isTrue();
      assertThat(environment.containsValue("3")).isTrue();
      for (Map.Entry<String, String> entry : environment.entrySet()) {
        assertThat(System.getenv(entry.getKey())).isEqualTo(entry.getValue());
      }
      Map.Entry<String, String> first = entries.iterator().next();
      assertThatThrownBy(() -> first.setValue("changed"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    Map<String, String> host =
        EnvironmentOverlay.withoutCredentials(EnvironmentOverlay.processEnvironment());
    assertThat(keys).isEqualTo(host.keySet());
    assertThat(environment.size()).isEqualTo(host.size());
  }

  @Test
  void threadsOfAnExecutionEnvironmentSeeItsCurrentInvocation() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    AtomicReference<String> later = new AtomicReference<>();
    ExecutionEnvironment environment =
        new ExecutionEnvironment("env", scope(Map.of("INHERITED", "between")));
    InvocationScope first = scope(Map.of("INHERITED", "first"));
    try (InvocationScope.Binding binding = first.bind();
        InvocationScope.Binding serving = environment.serve(first)) {
      Thread child = new Thread(environment, () -> seen.set(System.getenv("INHERITED")));
      child.start();
      child.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
    Thread idle = new Thread(environment, () -> later.set(System.getenv("INHERITED")));
    idle.start();
    idle.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    environment.retire(null);
    assertThat(seen.get()).isEqualTo("first");
    assertThat(later.get()).isEqualTo("between");
  }

  @Test
  void childProcessesGetTheJvmEnvironmentNotTheInvocations() {
    try (InvocationScope.Binding binding = scope(Map.of("ONLY_IN_SCOPE", "x")).bind()) {
      assertThat(new ProcessBuilder().environment())
          .doesNotContainKey("ONLY_IN_SCOPE")
          .isEqualTo(EnvironmentOverlay.processEnvironment());
    }
  }

  @Test
  void installingAgainChangesNothing() throws Exception {
    Field inner = System.getenv().getClass().getDeclaredField("m");
    inner.setAccessible(true);
    Object installed = inner.get(System.getenv());

    EnvironmentOverlay.install();
    EnvironmentOverlay.install();

    assertThat(inner.get(System.getenv())).isSameAs(installed);
    assertThat(OverlayProbe.layers()).isEqualTo(1);
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void concurrentFirstInstallsInstallOnce() throws Exception {
    assertThat(runJvm(true, "concurrent")).isEqualTo("layers=1 scoped=yes unbound=yes cached=true");
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aJvmThatDeniesReflectionGetsTheFlagToAdd() throws Exception {
    assertThat(runJvm(false, "denied"))
        .isEqualTo(
            "dev.lambdalocal.core.LambdaConfigurationException: Cannot give each invocation its"
                + " own environment: the JVM does not open java.util to lambda-local. Add"
                + " --add-opens java.base/java.util=ALL-UNNAMED to the JVM command line; with"
                + " Maven put it in the Surefire (and Failsafe) <argLine>, with Gradle in the"
                + " test task's jvmArgs.");
  }

  /** Run {@link OverlayProbe} in a new JVM on the test class path; return what it printed. */
  private static String runJvm(boolean open, String mode) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (open) {
      command.add("--add-opens");
      command.add("java.base/java.util=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OverlayProbe.class.getName());
    command.add(mode);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Options from the environment could open java.util behind the test's back.
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.strip();
  }

  private static InvocationScope scope(Map<String, String> environment) {
    return new InvocationScope((bytes, offset, length) -> {}, environment);
  }
}
