package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A handler that could not be resolved: every call throws the same fault, as the AWS runtime's
 * {@code UserFaultHandler} does.
 */
record FaultHandler(HandlerFault fault) implements LoadedHandler {

  @Override
  public Object handle(InputStream in, OutputStream out, Context context) {
    throw fault;
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
