package dev.lambdalocal.core.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scope bindings are there to be closed, not read
class LogBufferTests {

  @Test
  void everyByteIsKeptAndEchoedInOrder() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LogBuffer log = new LogBuffer(new PrintStream(console, false, StandardCharsets.UTF_8));
    byte[] bytes = "xxhello é".getBytes(StandardCharsets.UTF_8);

    log.write(bytes, 2, bytes.length - 2);
    log.appendLine(" world");
    log.appendLine("END RequestId: 42");

    // The runtime's own lines always start a line of their own.
    String expected = "hello é\n world\nEND RequestId: 42\n";
    assertThat(log.text()).isEqualTo(expected);
    assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void aQuietBufferKeepsTheLogWithoutEcho() {
    LogBuffer log = new LogBuffer(null);

    log.appendLine("START RequestId: 42 Version: $LATEST");

    assertThat(log.text()).isEqualTo("START RequestId: 42 Version: $LATEST\n");
  }

  @Test
  void writesOutsideTheArrayAreRefused() {
    LogBuffer log = new LogBuffer(null);

    assertThatThrownBy(() -> log.write(new byte[5], 2, 10))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(log.text()).isEmpty();
  }

  @Test
  void concurrentWritersNeverSplitALineAndTheEchoMatchesTheBuffer() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LogBuffer log = new LogBuffer(new PrintStream(console, false, StandardCharsets.UTF_8));
    int writers = 8;
    int lines = 500;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String name = "writer-" + w;
        runs.add(
            threads.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  for (int i = 0; i < lines; i++) {
                    log.appendLine(name + " line " + i);
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    String text = log.text();
    assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    String[] all = text.split("\n");
    assertThat(all).hasSize(writers * lines);
    int[] next = new int[writers];
    for (String line : all) {
      assertThat(line).matches("writer-\\d line \\d+");
      int writer = line.charAt("writer-".length()) - '0';
      assertThat(line).isEqualTo("writer-" + writer + " line " + next[writer]);
      next[writer]++;
    }
  }

  @Test
  void anEchoToTheCapturedSystemStreamGoesToTheStreamItReplaced() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream replaced = new PrintStream(console, true, StandardCharsets.UTF_8);
    PrintStream captured = new ScopedPrintStream(replaced);
    LogBuffer log = new LogBuffer(captured);

    // Without unwrapping, the echo would go back into this log through the captured stream.
    try (InvocationScope.Binding binding = new InvocationScope(log, Map.of()).bind()) {
      captured.println("once");
    }

    assertThat(log.text()).isEqualTo("once\n");
    assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("once\n");
  }
}
