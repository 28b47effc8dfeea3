package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Calls a POJO handler: deserializes the event, calls the user code and serializes its result, as
 * the AWS runtime's {@code PojoHandlerAsStreamHandler} does.
 */
final class PojoAdapter implements LoadedHandler {

  /** The user code behind a POJO handler. */
  @FunctionalInterface
  interface Target {
    Object call(Object input, Context context) throws Throwable;
  }

  private static final byte[] JSON_NULL = {'n', 'u', 'l', 'l'};

  private final Target target;
  private final Optional<Type> inputType;
  private final Optional<Type> outputType;
  private final RuntimeSerializers serializers;

  /**
   * Create the adapter and its serializers.
   *
   * @param inputType the event type, or {@code null} when the handler takes no event
   * @param returnType the declared result type; {@code void} and {@code Void} write {@code null}
   */
  PojoAdapter(Target target, Type inputType, Type returnType, RuntimeSerializers serializers) {
    this.target = target;
    this.inputType = Optional.ofNullable(inputType);
    this.outputType = isVoid(returnType) ? Optional.empty() : Optional.of(returnType);
    this.serializers = serializers;
    // Lambda builds both serializers while loading, so a type it cannot handle is a load fault.
    this.inputType.ifPresent(
        type -> serializers.forType(type, RuntimeSerializers.Platform.UNKNOWN));
    this.outputType.ifPresent(
        type -> serializers.forType(type, RuntimeSerializers.Platform.UNKNOWN));
  }

  static boolean isVoid(Type type) {
    return Void.TYPE.equals(type)
        || (type instanceof Class<?> clazz && Void.class.isAssignableFrom(clazz));
  }

  /** Write the payload of a handler that produces none, as Lambda does. */
  static void writeJsonNull(OutputStream out) throws IOException {
    out.write(JSON_NULL);
  }

  @Override
  public Object handle(InputStream in, OutputStream out, Context context) throws Throwable {
    try {
      return call(in, out, context);
    } catch (Throwable thrown) {
      throw StackTraces.filter(thrown);
    }
  }

  private Object call(InputStream in, OutputStream out, Context context) throws Throwable {
    RuntimeSerializers.Platform platform = RuntimeSerializers.platformOf(context);
    Object input;
    try {
      input = inputType.isPresent() ? serializer(inputType.get(), platform).fromJson(in) : null;
    } catch (Throwable thrown) {
      throw new RuntimeException(
          "An error occurred during JSON parsing", StackTraces.filter(thrown));
    }
    Object output = target.call(input, context);
    try {
      if (outputType.isPresent()) {
        serializer(outputType.get(), platform).toJson(output, out);
      } else {
        writeJsonNull(out);
      }
    } catch (Throwable thrown) {
      throw new RuntimeException("An error occurred during JSON serialization of response", thrown);
    }
    return output;
  }

  private PojoSerializer<Object> serializer(Type type, RuntimeSerializers.Platform platform) {
    return serializers.forType(type, platform);
  }

  @Override
  public Optional<Type> inputType() {
    return inputType;
  }

  @Override
  public Optional<Type> outputType() {
    return outputType;
  }
}
