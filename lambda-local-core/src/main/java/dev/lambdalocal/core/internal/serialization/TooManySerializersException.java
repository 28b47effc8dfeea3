package dev.lambdalocal.core.internal.serialization;

/**
 * More than one {@code CustomPojoSerializer} was found, reported as the runtime interface client
 * reports it: its {@code TooManyServiceProvidersFoundException} ({@code
 * com.amazonaws.services.lambda.runtime.api.client}, thrown by {@code PojoSerializerLoader} while
 * the handler is loaded, so Lambda reports an init error of that type). That class is not on
 * lambda-local's class path, so this one prints and reports itself under its name.
 */
public final class TooManySerializersException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The class name Lambda reports as {@code errorType}. */
  public static final String RUNTIME_TYPE =
      "com.amazonaws.services.lambda.runtime.api.client.TooManyServiceProvidersFoundException";

  /** Create the exception with the runtime's message. */
  TooManySerializersException() {
    super(RuntimeSerializers.TOO_MANY_SERIALIZERS);
  }

  /** Print as the runtime's exception prints: its class name, then the message. */
  @Override
  public String toString() {
    return RUNTIME_TYPE + ": " + getMessage();
  }
}
