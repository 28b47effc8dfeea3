package dev.lambdalocal.core.internal.logging;

import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Hand every call on {@code System.out} or {@code System.err} to the stream of the calling thread's
 * invocation, or to the replaced stream outside any invocation.
 *
 * <p>Each scope gets one UTF-8 {@link PrintStream} over its log sink, shared by its {@code
 * System.out} and {@code System.err} as Lambda sends both to one log. Whole calls are forwarded,
 * not bytes, so a {@code println} stays one piece under that stream's lock, and invocations on
 * other threads neither wait for that lock nor share its encoder.
 */
final class ScopedPrintStream extends PrintStream {

  // Weak keys: a finished invocation's stream goes with its scope. The stream holds the sink, not
  // the scope, so the entry does not keep its own key alive.
  private static final Map<InvocationScope, PrintStream> STREAMS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final PrintStream fallback;

  ScopedPrintStream(PrintStream fallback) {
    // The superclass's stream is only reached by methods a later JDK adds; it routes bytes too.
    super(new Router(fallback), true, StandardCharsets.UTF_8);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** Return the stream that output of threads outside any invocation goes to. */
  PrintStream fallback() {
    return fallback;
  }

  private PrintStream target() {
    InvocationScope scope = InvocationScope.current();
    return scope == null ? fallback : streamOf(scope);
  }

  private static PrintStream streamOf(InvocationScope scope) {
    return STREAMS.computeIfAbsent(
        scope, s -> new PrintStream(new SinkStream(s.log()), true, StandardCharsets.UTF_8));
  }

  @Override
  public void flush() {
    target().flush();
  }

  @Override
  public void close() {
    InvocationScope scope = InvocationScope.current();
    if (scope == null) {
      fallback.close();
    } else {
      // A handler that closes System.out must not silence the rest of its invocation's output.
      streamOf(scope).flush();
    }
  }

  @Override
  public boolean checkError() {
    return target().checkError();
  }

  @Override
  public void write(int b) {
    target().write(b);
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    target().write(buf, off, len);
  }

  @Override
  public void write(byte[] buf) throws IOException {
    target().write(buf);
  }

  @Override
  public void writeBytes(byte[] buf) {
    target().writeBytes(buf);
  }

  @Override
  public void print(boolean b) {
    target().print(b);
  }

  @Override
  public void print(char c) {
    target().print(c);
  }

  @Override
  public void print(int i) {
    target().print(i);
  }

  @Override
  public void print(long l) {
    target().print(l);
  }

  @Override
  public void print(float f) {
    target().print(f);
  }

  @Override
  public void print(double d) {
    target().print(d);
  }

  @Override
  public void print(char[] s) {
    target().print(s);
  }

  @Override
  public void print(String s) {
    target().print(s);
  }

  @Override
  public void print(Object obj) {
    target().print(obj);
  }

  @Override
  public void println() {
    target().println();
  }

  @Override
  public void println(boolean x) {
    target().println(x);
  }

  @Override
  public void println(char x) {
    target().println(x);
  }

  @Override
  public void println(int x) {
    target().println(x);
  }

  @Override
  public void println(long x) {
    target().println(x);
  }

  @Override
  public void println(float x) {
    target().println(x);
  }

  @Override
  public void println(double x) {
    target().println(x);
  }

  @Override
  public void println(char[] x) {
    target().println(x);
  }

  @Override
  public void println(String x) {
    target().println(x);
  }

  @Override
  public void println(Object x) {
    target().println(x);
  }

  @Override
  public PrintStream printf(String format, Object... args) {
    target().printf(format, args);
    return this;
  }

  @Override
  public PrintStream printf(Locale l, String format, Object... args) {
    target().printf(l, format, args);
    return this;
  }

  @Override
  public PrintStream format(String format, Object... args) {
    target().format(format, args);
    return this;
  }

  @Override
  public PrintStream format(Locale l, String format, Object... args) {
    target().format(l, format, args);
    return this;
  }

  @Override
  public PrintStream append(CharSequence csq) {
    target().append(csq);
    return this;
  }

  @Override
  public PrintStream append(CharSequence csq, int start, int end) {
    target().append(csq, start, end);
    return this;
  }

  @Override
  public PrintStream append(char c) {
    target().append(c);
    return this;
  }

  /** Bytes into a log sink, as they come. */
  private static final class SinkStream extends OutputStream {

    private final InvocationScope.LogSink sink;

    SinkStream(InvocationScope.LogSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(int b) {
      sink.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      sink.write(b, off, len);
    }
  }

  /** Bytes to the calling thread's scope, or to the fallback stream outside any. */
  private static final class Router extends OutputStream {

    private final PrintStream fallback;

    Router(PrintStream fallback) {
      this.fallback = fallback;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      InvocationScope scope = InvocationScope.current();
      (scope == null ? fallback : streamOf(scope)).write(b, off, len);
    }

    @Override
    public void flush() {
      InvocationScope scope = InvocationScope.current();
      (scope == null ? fallback : streamOf(scope)).flush();
    }
  }
}
