package dev.lambdalocal.core.internal.handler;

import static dev.lambdalocal.core.internal.handler.Invocations.failure;
import static dev.lambdalocal.core.internal.handler.Invocations.invoke;
import static dev.lambdalocal.core.internal.handler.Invocations.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POJO handlers: how the event is read and the result written. */
class PojoSerializationTests {

  /** Handler methods with the result shapes Lambda treats apart. */
  public static class Results {
    public String hello() {
      return "hello";
    }

    public void nothing(Map<String, Object> event) {}

    public Void boxedNothing(Map<String, Object> event) {
      return null;
    }

    public int length(String event) {
      return event.length();
    }

    public Unwritable unwritable() {
      return new Unwritable();
    }

    public String proxy(APIGatewayProxyRequestEvent event) {
      return event.getHttpMethod() + " " + event.getBody();
    }
  }

  /** A result Jackson cannot write: its only property throws. */
  public static class Unwritable {
    public String getValue() {
      throw new IllegalStateException("unreadable");
    }
  }

  private static String handler(String method) {
    return Results.class.getName() + "::" + method;
  }

  @Test
  void stringResultIsWrittenAsAJsonString() throws Throwable {
    Invocations.Result result = invoke(load(handler("hello")), "{}");

    assertThat(result.output()).isEqualTo("\"hello\"");
    assertThat(result.returned()).isEqualTo("hello");
  }

  @Test
  void voidResultIsWrittenAsNull() throws Throwable {
    LoadedHandler handler = load(handler("nothing"));

    Invocations.Result result = invoke(handler, "{}");

    assertThat(result.output()).isEqualTo("null");
    assertThat(result.returned()).isNull();
    assertThat(handler.outputType()).isEmpty();
  }

  @Test
  void boxedVoidResultIsWrittenAsNull() throws Throwable {
    LoadedHandler handler = load(handler("boxedNothing"));

    assertThat(invoke(handler, "{}").output()).isEqualTo("null");
    assertThat(handler.outputType()).isEmpty();
  }

  @Test
  void primitiveResultIsWrittenAsJson() throws Throwable {
    assertThat(invoke(load(handler("length")), "\"four\"").output()).isEqualTo("4");
  }

  /** A RequestHandler whose output is Void. */
  public static class VoidHandler implements RequestHandler<String, Void> {
    @Override
    public Void handleRequest(String input, Context context) {
      return null;
    }
  }

  @Test
  void requestHandlerOfVoidWritesNull() throws Throwable {
    LoadedHandler handler = load(VoidHandler.class.getName());

    assertThat(invoke(handler, "\"x\"").output()).isEqualTo("null");
    assertThat(handler.outputType()).isEmpty();
    assertThat(handler.inputType()).contains(String.class);
  }

  @Test
  void unparsableEventIsAJsonParsingErrorWithoutStackTrace() {
    Throwable thrown = failure(load(handler("nothing")), "{not json");

    assertThat(thrown).isExactlyInstanceOf(RuntimeException.class);
    assertThat(thrown).hasMessage("An error occurred during JSON parsing");
    assertThat(thrown.getStackTrace()).isEmpty();
    assertThat(thrown.getCause()).isInstanceOf(UncheckedIOException.class);
    // The serialization library shades its Jackson, as Lambda's runtime does.
    assertThat(thrown.getCause().getCause().getClass().getName())
        .isEqualTo("com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonParseException");
    assertThat(Arrays.stream(thrown.getCause().getStackTrace()))
        .isNotEmpty()
        .noneMatch(frame -> frame.getClassName().startsWith(StackTraces.RUNTIME_PREFIX));
  }

  @Test
  void unwritableResultIsASerializationError() {
    Throwable thrown = failure(load(handler("unwritable")), "{}");

    assertThat(thrown).isExactlyInstanceOf(RuntimeException.class);
    assertThat(thrown).hasMessage("An error occurred during JSON serialization of response");
    assertThat(thrown.getStackTrace()).isEmpty();
    assertThat(thrown).hasRootCauseMessage("unreadable");
  }

  @Test
  void apiGatewayEventKeepsAJsonBodyAsAString() throws Throwable {
    String event =
        "{\"httpMethod\":\"POST\",\"path\":\"/items\",\"body\":\"{\\\"id\\\":7}\","
            + "\"headers\":{\"Content-Type\":\"application/json\"}}";

    Invocations.Result result = invoke(load(handler("proxy")), event);

    assertThat(result.returned()).isEqualTo("POST {\"id\":7}");
    assertThat(result.output()).isEqualTo("\"POST {\\\"id\\\":7}\"");
  }
}
