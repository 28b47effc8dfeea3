package dev.lambdalocal.core.internal.handler;

import static dev.lambdalocal.core.internal.handler.Invocations.failure;
import static dev.lambdalocal.core.internal.handler.Invocations.invoke;
import static dev.lambdalocal.core.internal.handler.Invocations.load;
import static dev.lambdalocal.core.internal.handler.Invocations.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The class form: a {@code RequestStreamHandler} or {@code RequestHandler} class. */
class ClassHandlerTests {

  public static class Both implements RequestStreamHandler, RequestHandler<String, String> {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context)
        throws IOException {
      out.write("stream".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String handleRequest(String input, Context context) {
      return "pojo";
    }
  }

  @Test
  void streamHandlerIsPreferredWhenBothAreImplemented() throws Throwable {
    LoadedHandler handler = load(Both.class.getName());

    Invocations.Result result = invoke(handler, "\"x\"");

    assertThat(result.output()).isEqualTo("stream");
    assertThat(result.returned()).isNull();
    assertThat(handler.inputType()).isEmpty();
    assertThat(handler.outputType()).isEmpty();
  }

  public static class Greeter implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> input, Context context) {
      return "Hello, " + input.get("name");
    }
  }

  @Test
  void requestHandlerWithDirectTypes() throws Throwable {
    LoadedHandler handler = load(Greeter.class.getName());

    Invocations.Result result = invoke(handler, "{\"name\":\"Ada\"}");

    assertThat(result.output()).isEqualTo("\"Hello, Ada\"");
    assertThat(result.returned()).isEqualTo("Hello, Ada");
    assertThat(handler.inputType().map(Type::getTypeName))
        .contains("java.util.Map<java.lang.String, java.lang.String>");
    assertThat(handler.outputType()).isEqualTo(Optional.of(String.class));
  }

  /** Types through an abstract generic superclass chain, with variables renamed on the way. */
  public abstract static class AbstractHandler<I, O> implements RequestHandler<I, O> {}

  public abstract static class Middle<X> extends AbstractHandler<X, String> {}

  public static class Leaf extends Middle<Integer> {
    @Override
    public String handleRequest(Integer input, Context context) {
      return "leaf " + (input * 2);
    }
  }

  @Test
  void typesAreResolvedThroughAnAbstractGenericSuperclass() throws Throwable {
    LoadedHandler handler = load(Leaf.class.getName());

    assertThat(handler.inputType()).isEqualTo(Optional.of(Integer.class));
    assertThat(handler.outputType()).isEqualTo(Optional.of(String.class));
    assertThat(invoke(handler, "21").output()).isEqualTo("\"leaf 42\"");
  }

  /** A generic sub-interface with RequestHandler's own parameters. */
  public interface Handler<I, O> extends RequestHandler<I, O> {}

  public static class ViaSubInterface implements Handler<String, Integer> {
    @Override
    public Integer handleRequest(String input, Context context) {
      return input.length();
    }
  }

  @Test
  void typesAreResolvedThroughAGenericSubInterface() throws Throwable {
    LoadedHandler handler = load(ViaSubInterface.class.getName());

    assertThat(handler.inputType()).isEqualTo(Optional.of(String.class));
    assertThat(handler.outputType()).isEqualTo(Optional.of(Integer.class));
    assertThat(invoke(handler, "\"four\"").output()).isEqualTo("4");
  }

  /** A non-generic sub-interface: the search goes on into its own supertypes. */
  public interface WordsHandler extends RequestHandler<String, List<String>> {}

  public static class Words implements WordsHandler {
    @Override
    public List<String> handleRequest(String input, Context context) {
      return List.of(input.split(" "));
    }
  }

  @Test
  void typesAreResolvedThroughAPlainSubInterface() throws Throwable {
    LoadedHandler handler = load(Words.class.getName());

    assertThat(handler.outputType().map(Type::getTypeName))
        .contains("java.util.List<java.lang.String>");
    assertThat(invoke(handler, "\"a b\"").output()).isEqualTo("[\"a\",\"b\"]");
  }

  /** Lambda takes a matching sub-interface's arguments as they are, so one argument fails. */
  public interface StringInput<O> extends RequestHandler<String, O> {}

  public static class OneArgument implements StringInput<Integer> {
    @Override
    public Integer handleRequest(String input, Context context) {
      return 1;
    }
  }

  @Test
  void subInterfaceWithOtherArityIsRejectedAsLambdaDoes() {
    HandlerFault fault = (HandlerFault) failure(load(OneArgument.class.getName()), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo("Invalid class signature for RequestHandler. Expected two generic types, got 1");
    assertThat(fault.fatal()).isFalse();
  }

  public static class Unbounded<T> implements RequestHandler<T, String> {
    @Override
    public String handleRequest(T input, Context context) {
      return "unbounded";
    }
  }

  @Test
  void unboundedTypeVariableIsAFault() {
    HandlerFault fault = (HandlerFault) failure(load(Unbounded.class.getName()), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class "
                + Unbounded.class.getName()
                + " does not implement RequestHandler with concrete type parameters: parameter T"
                + " has no upper bound.");
    assertThat(fault.exceptionType()).isNull();
  }

  public static class Bounded<N extends Number> implements RequestHandler<N, String> {
    @Override
    public String handleRequest(N input, Context context) {
      return "number " + input.intValue();
    }
  }

  @Test
  void boundedTypeVariableIsAccepted() throws Throwable {
    assertThat(invoke(load(Bounded.class.getName()), "7").output()).isEqualTo("\"number 7\"");
  }

  @SuppressWarnings("rawtypes")
  public static class Raw implements RequestHandler {
    @Override
    public Object handleRequest(Object input, Context context) {
      return "raw";
    }
  }

  @Test
  void rawRequestHandlerIsAFault() {
    HandlerFault fault = (HandlerFault) failure(load(Raw.class.getName()), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class "
                + Raw.class.getName()
                + " does not implement RequestHandler with concrete type parameters");
  }

  public static class NotAHandler {}

  @Test
  void classWithoutHandlerInterfaceIsAFault() {
    HandlerFault fault = (HandlerFault) failure(load(NotAHandler.class.getName()), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class does not implement an appropriate handler interface: "
                + NotAHandler.class.getName());
    assertThat(fault.reportableError()).isEqualTo(fault.faultMessage() + "\n");
  }

  /** Not static: its constructor takes the enclosing instance. */
  public class Inner implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {}
  }

  @Test
  void nonStaticInnerClassIsAFault() {
    HandlerFault fault = (HandlerFault) failure(load(Inner.class.getName()), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class "
                + Inner.class.getName()
                + " cannot be instantiated because it is a non-static inner class");
    assertThat(fault.exceptionType()).isEqualTo("java.lang.Exception");
    assertThat(fault.fatal()).isFalse();
  }

  public static class NeedsArgument implements RequestHandler<String, String> {
    public NeedsArgument(String argument) {}

    @Override
    public String handleRequest(String input, Context context) {
      return input;
    }
  }

  @Test
  void classWithoutNoArgumentConstructorIsAFault() {
    HandlerFault fault = (HandlerFault) failure(load(NeedsArgument.class.getName()), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class " + NeedsArgument.class.getName() + " has no public zero-argument constructor");
    assertThat(fault.exceptionType()).isEqualTo("java.lang.Exception");
    assertThat(fault.trace())
        .startsWith(
            "java.lang.Exception: Class "
                + NeedsArgument.class.getName()
                + " has no public zero-argument constructor\n"
                + "Caused by: java.lang.NoSuchMethodException: "
                + NeedsArgument.class.getName()
                + ".<init>()\n");
    assertThat(fault.fatal()).isFalse();
  }

  public static class FailingConstructor implements RequestStreamHandler {
    public FailingConstructor() {
      throw new IllegalStateException("no database");
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {}
  }

  @Test
  void constructorFailureIsFatalAndThrownAtLoad() {
    HandlerFault fault =
        catchThrowableOfType(HandlerFault.class, () -> load(FailingConstructor.class.getName()));

    assertThat(fault.faultMessage()).isEqualTo("no database");
    assertThat(fault.exceptionType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(fault.fatal()).isTrue();
    assertThat(fault.toLambdaError().toJson())
        .isEqualTo(
            "{\"errorMessage\":\"no database\",\"errorType\":\"java.lang.IllegalStateException\"}");
  }

  public static class SilentlyFailingConstructor {
    public SilentlyFailingConstructor() {
      throw new UnsupportedOperationException();
    }

    public String handle() {
      return "never";
    }
  }

  @Test
  void constructorFailureWithoutMessageIsNamedByItsClass() {
    HandlerFault fault =
        catchThrowableOfType(
            HandlerFault.class,
            () -> load(SilentlyFailingConstructor.class.getName() + "::handle"));

    assertThat(fault.faultMessage()).isEqualTo("java.lang.UnsupportedOperationException");
    assertThat(fault.fatal()).isTrue();
  }

  @Test
  void loadsAClassObject() throws Throwable {
    assertThat(invoke(loader().load(Greeter.class), "{\"name\":\"Cy\"}").output())
        .isEqualTo("\"Hello, Cy\"");
  }

  @Test
  void loadsAnExistingInstanceWithoutCallingAConstructor() throws Throwable {
    Leaf leaf = new Leaf();

    LoadedHandler handler = loader().load(leaf);

    assertThat(handler.inputType()).isEqualTo(Optional.of(Integer.class));
    assertThat(invoke(handler, "5").output()).isEqualTo("\"leaf 10\"");
  }

  @Test
  void lambdaHasNoTypesToResolve() {
    RequestHandler<String, String> lambda = (input, context) -> input;

    HandlerFault fault = (HandlerFault) failure(loader().load(lambda), "\"x\"");

    assertThat(fault.faultMessage())
        .isEqualTo(
            "Class "
                + lambda.getClass().getName()
                + " does not implement RequestHandler with concrete type parameters");
  }

  @Test
  void objectThatIsNoHandlerIsAFault() {
    HandlerFault fault = (HandlerFault) failure(loader().load(new Object()), "{}");

    assertThat(fault.faultMessage())
        .isEqualTo("Class does not implement an appropriate handler interface: java.lang.Object");
  }
}
