package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A resolved handler, ready to be called once per invocation.
 *
 * <p>The handler instance is created once, when the handler is loaded, and reused by every call:
 * the function stays warm, as in Lambda.
 *
 * @since 0.1.0
 */
public interface LoadedHandler {

  /**
   * Run one invocation: read the event from {@code in} and write the response bytes to {@code out}.
   *
   * <p>Whatever escapes has had the runtime's frames removed from its stack trace, as Lambda
   * removes its own. A handler that could not be resolved throws its {@link HandlerFault} on every
   * call, as the AWS runtime does for a non-fatal fault.
   *
   * @param in the event payload
   * @param out where the response payload goes
   * @param context the invocation's context
   * @return the object the handler method returned, or {@code null} for stream handlers and {@code
   *     void} methods
   * @throws Throwable what the user code threw, unwrapped, or the {@link HandlerFault}
   */
  Object handle(InputStream in, OutputStream out, Context context) throws Throwable;

  /** Return the POJO input type; empty for stream handlers and methods that take no event. */
  Optional<Type> inputType();

  /** Return the POJO output type; empty for stream handlers and {@code void} methods. */
  Optional<Type> outputType();
}
