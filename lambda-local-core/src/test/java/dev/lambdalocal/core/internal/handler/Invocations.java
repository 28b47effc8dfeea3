package dev.lambdalocal.core.internal.handler;

import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lambdalocal.core.internal.serialization.RuntimeSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Shared helpers of the handler tests: a loader, one-call invocations and stderr capture. */
final class Invocations {

  static final TestContext CONTEXT = new TestContext("req-1");

  private Invocations() {}

  static HandlerLoader loader() {
    return new HandlerLoader(new RuntimeSerializers(Invocations.class.getClassLoader()));
  }

  static LoadedHandler load(String handler) {
    return loader().load(handler, Invocations.class.getClassLoader());
  }

  /** The outcome of one call: what the handler returned and the bytes it wrote. */
  record Result(Object returned, String output, TrackingInputStream input) {}

  static Result invoke(LoadedHandler handler, String event) throws Throwable {
    TrackingInputStream in = new TrackingInputStream(event);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Object returned = handler.handle(in, out, CONTEXT);
    return new Result(returned, out.toString(StandardCharsets.UTF_8), in);
  }

  static Throwable failure(LoadedHandler handler, String event) {
    return catchThrowable(() -> invoke(handler, event));
  }

  /** Run {@code action} and return what it printed to {@code System.err}. */
  static String stderrOf(Callable<?> action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.call();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** An event stream that records whether it was read to the end and whether it was closed. */
  static final class TrackingInputStream extends ByteArrayInputStream {
    private boolean closed;

    TrackingInputStream(String content) {
      super(content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
      closed = true;
    }

    boolean closed() {
      return closed;
    }

    boolean consumed() {
      return available() == 0;
    }
  }
}
