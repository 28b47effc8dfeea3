package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Calls a stream handler: a {@code RequestStreamHandler} or a method taking streams. The payload
 * passes through untouched.
 */
final class StreamAdapter implements LoadedHandler {

  /** The user code behind a stream handler. */
  @FunctionalInterface
  interface Target {
    void call(InputStream in, OutputStream out, Context context) throws Throwable;
  }

  private final Target target;

  StreamAdapter(Target target) {
    this.target = target;
  }

  @Override
  public Object handle(InputStream in, OutputStream out, Context context) throws Throwable {
    try {
      target.call(in, out, context);
      return null;
    } catch (Throwable thrown) {
      throw StackTraces.filter(thrown);
    }
  }

  @Override
  public Optional<Type> inputType() {
    return Optional.empty();
  }

  @Override
  public Optional<Type> outputType() {
    return Optional.empty();
  }
}
