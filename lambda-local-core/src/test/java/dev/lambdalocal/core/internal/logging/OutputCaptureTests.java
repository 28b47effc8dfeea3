package dev.lambdalocal.core.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.internal.scope.ExecutionEnvironment;
import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@SuppressWarnings("try") // scope bindings are there to be closed, not read
class OutputCaptureTests {

  private static final long WAIT_SECONDS = 30;
  private static final int LINES = 200;

  private static ExecutorService threads;

  @BeforeAll
  static void startThreads() {
    threads = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopThreads() {
    threads.shutdownNow();
  }

  // The streams here are made for the test, not System.out, so that no global state is involved.
  @Test
  void parallelInvocationsEachReceiveOnlyTheirOwnOutput() throws Exception {
    ByteArrayOutputStream unboundBytes = new ByteArrayOutputStream();
    PrintStream original = new PrintStream(unboundBytes, true, StandardCharsets.UTF_8);
    PrintStream out = new ScopedPrintStream(original);
    PrintStream err = new ScopedPrintStream(original);
    LogBuffer red = new LogBuffer(null);
    LogBuffer blue = new LogBuffer(null);
    CyclicBarrier start = new CyclicBarrier(3);

    Future<?> redRun = threads.submit(() -> invocation("red", red, out, err, start));
    Future<?> blueRun = threads.submit(() -> invocation("blue", blue, out, err, start));
    Future<?> unboundRun =
        threads.submit(
            () -> {
              start.await(WAIT_SECONDS, TimeUnit.SECONDS);
              for (int i = 0; i < LINES; i++) {
                out.println("unbound " + i);
              }
              return null;
            });
    redRun.get(WAIT_SECONDS, TimeUnit.SECONDS);
    blueRun.get(WAIT_SECONDS, TimeUnit.SECONDS);
    unboundRun.get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(red.text()).isEqualTo(expected("red"));
    assertThat(blue.text()).isEqualTo(expected("blue"));
    StringBuilder unbound = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      unbound.append("unbound ").append(i).append('\n');
    }
    assertThat(unboundBytes.toString(StandardCharsets.UTF_8)).isEqualTo(unbound.toString());
  }

  private static Void invocation(
      String name, LogBuffer log, PrintStream out, PrintStream err, CyclicBarrier start)
      throws Exception {
    InvocationScope scope = new InvocationScope(log, Map.of());
    ExecutionEnvironment environment = new ExecutionEnvironment(name, null);
    try (InvocationScope.Binding binding = scope.bind();
        InvocationScope.Binding serving = environment.serve(scope)) {
      start.await(WAIT_SECONDS, TimeUnit.SECONDS);
      for (int i = 0; i < LINES; i++) {
        out.println(name + " é😀 " + i);
        err.print(name + " err " + i + "\n");
      }
      // A thread of the invocation's execution environment, as the ones its worker starts are.
      Thread child = new Thread(environment, () -> out.println(name + " from a thread it started"));
      child.start();
      child.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    } finally {
      environment.retire(null);
    }
    return null;
  }

  private static String expected(String name) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      text.append(name).append(" é😀 ").append(i).append('\n');
      text.append(name).append(" err ").append(i).append('\n');
    }
    return text.append(name).append(" from a thread it started\n").toString();
  }

  @Test
  void everyWayOfPrintingReachesTheInvocationsLog() throws Exception {
    ByteArrayOutputStream unboundBytes = new ByteArrayOutputStream();
    PrintStream out = new ScopedPrintStream(new PrintStream(unboundBytes, true));
    LogBuffer log = new LogBuffer(null);

    try (InvocationScope.Binding binding = new InvocationScope(log, Map.of()).bind()) {
      out.print(true);
      out.print('c');
      out.print(1);
      out.print(2L);
      out.print(1.5f);
      out.print(2.5d);
      out.print(new char[] {'x', 'y'});
      out.print("s");
      out.print((Object) "o");
      out.println();
      out.println(false);
      out.println('d');
      out.println(3);
      out.println(4L);
      out.println(0.5f);
      out.println(0.25d);
      out.println(new char[] {'z'});
      out.println("line");
      out.println((Object) null);
      out.printf(Locale.ROOT, "%.1f|", 1.25);
      out.format(Locale.ROOT, "%s|", "format");
      out.printf("%d|", 7);
      out.format("%s|", "f");
      out.append("append").append("xappendx", 1, 7).append('!');
      out.write('W');
      out.write("bytes".getBytes(StandardCharsets.UTF_8), 1, 3);
      out.write("[all]".getBytes(StandardCharsets.UTF_8));
      out.writeBytes("[writeBytes]".getBytes(StandardCharsets.UTF_8));
      out.flush();
      out.close();
      out.println();
      out.println("after close");
      assertThat(out.checkError()).isFalse();
    }

    assertThat(log.text())
        .isEqualTo(
            "truec121.52.5xyso\nfalse\nd\n3\n4\n0.5\n0.25\nz\nline\nnull\n"
                + "1.3|format|7|f|appendappend!Wyte[all][writeBytes]\nafter close\n");
    assertThat(unboundBytes.size()).isZero();
  }

  @Test
  void closingOutsideAnyInvocationClosesTheReplacedStream() {
    PrintStream out = new ScopedPrintStream(new PrintStream(new ByteArrayOutputStream(), true));

    out.close();
    out.println("after close");

    assertThat(out.checkError()).isTrue();
  }

  @Test
  void installReplacesTheSystemStreamsOnce() {
    OutputCapture.install();
    PrintStream out = System.out;
    PrintStream err = System.err;
    OutputCapture.install();

    assertThat(System.out).isSameAs(out).isInstanceOf(ScopedPrintStream.class);
    assertThat(System.err).isSameAs(err).isInstanceOf(ScopedPrintStream.class);
    assertThat(((ScopedPrintStream) out).fallback()).isSameAs(OutputCapture.originalOut());
    assertThat(((ScopedPrintStream) err).fallback()).isSameAs(OutputCapture.originalErr());
    assertThat(OutputCapture.originalOut()).isNotInstanceOf(ScopedPrintStream.class);

    LogBuffer log = new LogBuffer(null);
    try (InvocationScope.Binding binding = new InvocationScope(log, Map.of()).bind()) {
      System.out.println("to out");
      System.err.println("to err");
    }
    assertThat(log.text()).isEqualTo("to out\nto err\n");
  }

  @Test
  @ResourceLock(Resources.SYSTEM_OUT)
  void aStreamSetAfterInstallIsCapturedByTheNextInstall() {
    OutputCapture.install();
    PrintStream installed = System.out;
    PrintStream before = OutputCapture.originalOut();
    ByteArrayOutputStream toolBytes = new ByteArrayOutputStream();
    PrintStream tool = new PrintStream(toolBytes, true, StandardCharsets.UTF_8);
    try {
      System.setOut(tool);
      OutputCapture.install();
      LogBuffer log = new LogBuffer(null);
      try (InvocationScope.Binding binding = new InvocationScope(log, Map.of()).bind()) {
        System.out.println("inside");
      }
      System.out.println("outside");

      assertThat(System.out).isInstanceOf(ScopedPrintStream.class);
      assertThat(OutputCapture.originalOut()).isSameAs(tool);
      assertThat(log.text()).isEqualTo("inside\n");
      assertThat(toolBytes.toString(StandardCharsets.UTF_8)).isEqualTo("outside\n");
    } finally {
      System.setOut(installed);
      OutputCapture.install();
    }
    assertThat(System.out).isSameAs(installed);
    assertThat(OutputCapture.originalOut()).isSameAs(before);
  }
}
