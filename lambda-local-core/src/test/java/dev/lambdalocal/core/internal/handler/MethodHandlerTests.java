package dev.lambdalocal.core.internal.handler;

import static dev.lambdalocal.core.internal.handler.Invocations.failure;
import static dev.lambdalocal.core.internal.handler.Invocations.invoke;
import static dev.lambdalocal.core.internal.handler.Invocations.load;
import static dev.lambdalocal.core.internal.handler.Invocations.stderrOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.internal.handler.Invocations.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The method form, {@code Class::method}: accepted signatures and overload choice.
 *
 * <p>Loading prints Lambda's notes about skipped overloads to {@code System.err}, which some tests
 * capture: the whole class holds the lock.
 */
@ResourceLock(Resources.SYSTEM_ERR)
class MethodHandlerTests {

  private static final String SIGNATURES = Signatures.class.getName();

  /** One method per accepted signature. */
  public static class Signatures {
    public String none() {
      return "none";
    }

    public void inputOnly(InputStream in) throws IOException {
      in.readAllBytes();
    }

    public void outputOnly(OutputStream out) throws IOException {
      out.write("out-only".getBytes(StandardCharsets.UTF_8));
    }

    public String contextOnly(Context context) {
      return "ctx " + context.getAwsRequestId();
    }

    public String pojo(Map<String, String> event) {
      return "pojo " + event.get("name");
    }

    public void outputAndContext(OutputStream out, Context context) throws IOException {
      out.write(("out " + context.getAwsRequestId()).getBytes(StandardCharsets.UTF_8));
    }

    public void inputAndOutput(InputStream in, OutputStream out) throws IOException {
      out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase().getBytes());
    }

    public void inputAndContext(InputStream in, Context context) throws IOException {
      in.readAllBytes();
    }

    public String pojoAndContext(Map<String, String> event, Context context) {
      return event.get("name") + " " + context.getAwsRequestId();
    }

    public String streams(InputStream in, OutputStream out, Context context) throws IOException {
      out.write(
          (new String(in.readAllBytes(), StandardCharsets.UTF_8) + context.getAwsRequestId())
              .getBytes(StandardCharsets.UTF_8));
      return "ignored";
    }

    public static String staticNone() {
      return "static";
    }
  }

  @Test
  void noParameters() throws Throwable {
    LoadedHandler handler = load(SIGNATURES + "::none");

    Result result = invoke(handler, "{\"ignored\":true}");

    assertThat(result.output()).isEqualTo("\"none\"");
    assertThat(result.returned()).isEqualTo("none");
    assertThat(result.input().consumed()).isFalse();
    assertThat(handler.inputType()).isEmpty();
    assertThat(handler.outputType()).contains(String.class);
  }

  @Test
  void inputStreamOnlyReadsTheEventAndWritesNull() throws Throwable {
    LoadedHandler handler = load(SIGNATURES + "::inputOnly");

    Result result = invoke(handler, "{\"a\":1}");

    assertThat(result.input().consumed()).isTrue();
    assertThat(result.input().closed()).isFalse();
    assertThat(result.output()).isEqualTo("null");
    assertThat(result.returned()).isNull();
    assertThat(handler.inputType()).isEmpty();
    assertThat(handler.outputType()).isEmpty();
  }

  @Test
  void outputStreamOnlyClosesTheUnusedInputAndWritesNothingElse() throws Throwable {
    Result result = invoke(load(SIGNATURES + "::outputOnly"), "{}");

    assertThat(result.output()).isEqualTo("out-only");
    assertThat(result.input().closed()).isTrue();
  }

  @Test
  void contextOnly() throws Throwable {
    LoadedHandler handler = load(SIGNATURES + "::contextOnly");

    Result result = invoke(handler, "{}");

    assertThat(result.output()).isEqualTo("\"ctx req-1\"");
    assertThat(handler.inputType()).isEmpty();
  }

  @Test
  void pojoOnly() throws Throwable {
    LoadedHandler handler = load(SIGNATURES + "::pojo");

    Result result = invoke(handler, "{\"name\":\"Ada\"}");

    assertThat(result.output()).isEqualTo("\"pojo Ada\"");
    assertThat(handler.inputType().map(Object::toString))
        .contains("java.util.Map<java.lang.String, java.lang.String>");
  }

  @Test
  void outputStreamAndContext() throws Throwable {
    Result result = invoke(load(SIGNATURES + "::outputAndContext"), "{}");

    assertThat(result.output()).isEqualTo("out req-1");
    assertThat(result.input().closed()).isTrue();
  }

  @Test
  void inputStreamAndOutputStream() throws Throwable {
    Result result = invoke(load(SIGNATURES + "::inputAndOutput"), "abc");

    assertThat(result.output()).isEqualTo("ABC");
  }

  @Test
  void inputStreamAndContextWritesNull() throws Throwable {
    Result result = invoke(load(SIGNATURES + "::inputAndContext"), "abc");

    assertThat(result.input().consumed()).isTrue();
    assertThat(result.output()).isEqualTo("null");
  }

  @Test
  void pojoAndContext() throws Throwable {
    Result result = invoke(load(SIGNATURES + "::pojoAndContext"), "{\"name\":\"Bob\"}");

    assertThat(result.output()).isEqualTo("\"Bob req-1\"");
    assertThat(result.returned()).isEqualTo("Bob req-1");
  }

  @Test
  void streamsAndContextIgnoreTheReturnValue() throws Throwable {
    LoadedHandler[] handler = new LoadedHandler[1];
    String stderr = stderrOf(() -> handler[0] = load(SIGNATURES + "::streams"));

    Result result = invoke(handler[0], "in-");

    assertThat(stderr)
        .isEqualTo("Will ignore return type class java.lang.String on byte stream handler\n");
    assertThat(result.output()).isEqualTo("in-req-1");
    assertThat(result.returned()).isNull();
    assertThat(handler[0].outputType()).isEmpty();
  }

  @Test
  void staticMethodNeedsNoInstance() throws Throwable {
    assertThat(invoke(load(NoConstructor.class.getName() + "::create"), "{}").output())
        .isEqualTo("\"static\"");
  }

  /** Priority fixtures: several overloads of {@code handle}. */
  public static class StreamsBeatPojo {
    public String handle(String event) {
      return "pojo";
    }

    public String handle(String event, Context context) {
      return "pojo+context";
    }

    public void handle(InputStream in, OutputStream out, Context context) throws IOException {
      out.write("streams+context".getBytes(StandardCharsets.UTF_8));
    }
  }

  public static class ContextCountsDouble {
    public void handle(InputStream in, OutputStream out) throws IOException {
      out.write("streams".getBytes(StandardCharsets.UTF_8));
    }

    public String handle(String event, Context context) {
      return "pojo+context";
    }
  }

  public static class LongerFirst {
    public String handle(String event) {
      return "one";
    }

    public String handle() {
      return "none";
    }
  }

  @Test
  void threeParameterStreamsWinOverShorterOverloads() throws Throwable {
    assertThat(invoke(load(StreamsBeatPojo.class.getName() + "::handle"), "\"x\"").output())
        .isEqualTo("streams+context");
  }

  @Test
  void trailingContextCountsAsAnExtraParameter() throws Throwable {
    assertThat(invoke(load(ContextCountsDouble.class.getName() + "::handle"), "\"x\"").output())
        .isEqualTo("\"pojo+context\"");
  }

  @Test
  void longerSignatureWins() throws Throwable {
    assertThat(invoke(load(LongerFirst.class.getName() + "::handle"), "\"x\"").output())
        .isEqualTo("\"one\"");
  }

  /** A generic supertype makes the compiler add a bridge {@code handle(Object, Context)}. */
  public abstract static class Base<T> {
    public abstract String handle(T event, Context context);
  }

  public static class Bridged extends Base<Integer> {
    @Override
    public String handle(Integer event, Context context) {
      return "int " + (event + 1);
    }
  }

  @Test
  void nonBridgeMethodBeatsItsBridge() throws Throwable {
    LoadedHandler handler = load(Bridged.class.getName() + "::handle");

    assertThat(Bridged.class.getMethod("handle", Object.class, Context.class).isBridge()).isTrue();
    assertThat(handler.inputType()).isEqualTo(Optional.of(Integer.class));
    assertThat(invoke(handler, "41").output()).isEqualTo("\"int 42\"");
  }

  /** Every overload Lambda skips, with a usable one to fall back on. */
  public static class Skipped {
    public String handle(String a, String b, String c, String d) {
      return "four";
    }

    public String handle(InputStream in, String b, Context context) {
      return "three";
    }

    public String handle(OutputStream out, String b) {
      return "output first";
    }

    public String handle(Context context, String b) {
      return "context first";
    }

    public String handle(InputStream in, Integer b) {
      return "input first";
    }

    public String handle(String a, String b) {
      return "no context";
    }

    public String handle(Map<String, String> event) {
      return "fallback";
    }
  }

  @Test
  void unsupportedOverloadsAreSkippedWithLambdasMessages() throws Throwable {
    LoadedHandler[] handler = new LoadedHandler[1];
    String stderr = stderrOf(() -> handler[0] = load(Skipped.class.getName() + "::handle"));

    assertThat(stderr.lines())
        .containsExactlyInAnyOrder(
            "Ignoring an overload of method handle because it has too many parameters: Expected"
                + " at most 3, got 4",
            "Ignoring three-argument overload because argument signature is not (InputStream,"
                + " OutputStream, Context",
            "Ignoring two-argument overload because first argument type is OutputStream and second"
                + " argument type is not Context",
            "Ignoring two-argument overload because first argument type is Context",
            "Ignoring two-argument overload because second parameter type, java.lang.Integer, is"
                + " not OutputStream.",
            "Ignoring two-argument overload because second parameter type is not Context");
    assertThat(invoke(handler[0], "{}").output()).isEqualTo("\"fallback\"");
  }

  public static class OnlyUnsupported {
    public String handle(String a, String b) {
      return "no context";
    }
  }

  @Test
  void noAcceptableOverloadIsANonFatalFault() {
    LoadedHandler handler = load(OnlyUnsupported.class.getName() + "::handle");

    HandlerFault fault = (HandlerFault) failure(handler, "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "No public method named handle with appropriate method signature found on class "
                + OnlyUnsupported.class.getName());
    assertThat(fault.exceptionType()).isNull();
    assertThat(fault.trace()).isNull();
    assertThat(fault.fatal()).isFalse();
    assertThat(failure(handler, "{}")).isSameAs(fault);
  }

  @Test
  void missingMethodIsANonFatalFault() {
    HandlerFault fault = (HandlerFault) failure(load(SIGNATURES + "::absent"), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "No public method named absent with appropriate method signature found on class "
                + SIGNATURES);
  }

  /** An interface without methods: Lambda names its own HandlerInfo class here. */
  public interface Empty {}

  @Test
  void typeWithoutAnyPublicMethodGetsLambdasOddMessage() {
    HandlerFault fault = (HandlerFault) failure(load(Empty.class.getName() + "::handle"), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class com.amazonaws.services.lambda.runtime.api.client.HandlerInfo has no public"
                + " method named handle");
  }

  /** Warm: one instance serves every call. */
  public static class Counter {
    private int calls;

    public int count() {
      return ++calls;
    }
  }

  @Test
  void instanceIsCreatedOnceAndReused() throws Throwable {
    LoadedHandler handler = load(Counter.class.getName() + "::count");

    assertThat(invoke(handler, "{}").output()).isEqualTo("1");
    assertThat(invoke(handler, "{}").output()).isEqualTo("2");
  }

  public static class NoConstructor {
    private NoConstructor() {}

    public static String create() {
      return "static";
    }

    public String instance() {
      return "instance";
    }
  }

  @Test
  void instanceMethodWithoutPublicConstructorIsANonFatalFault() {
    HandlerFault fault =
        (HandlerFault) failure(load(NoConstructor.class.getName() + "::instance"), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class " + NoConstructor.class.getName() + " has no public zero-argument constructor");
    assertThat(fault.exceptionType()).isEqualTo("java.lang.Exception");
    assertThat(fault.fatal()).isFalse();
  }
}
