package dev.lambdalocal.core.internal.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers;
import java.lang.reflect.Type;

/**
 * Resolves the class form of a handler (no {@code ::method}): a {@link RequestStreamHandler}, else
 * a {@link RequestHandler}, as the AWS runtime's {@code loadStreamingRequestHandler} does.
 */
final class ClassHandlers {

  private final RuntimeSerializers serializers;

  ClassHandlers(RuntimeSerializers serializers) {
    this.serializers = serializers;
  }

  /** Resolve {@code handlerClass}, creating its instance; a failure comes back as a fault. */
  LoadedHandler load(Class<?> handlerClass) {
    if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
      try {
        return stream(HandlerInstances.create(handlerClass.asSubclass(RequestStreamHandler.class)));
      } catch (HandlerFault fault) {
        return new FaultHandler(fault);
      } catch (Throwable thrown) {
        return new FaultHandler(HandlerFault.of(thrown, false));
      }
    }
    if (RequestHandler.class.isAssignableFrom(handlerClass)) {
      Type[] types;
      try {
        types = RequestHandlerTypes.of(handlerClass);
      } catch (HandlerFault fault) {
        return new FaultHandler(fault);
      }
      try {
        return pojo(HandlerInstances.create(handlerClass.asSubclass(RequestHandler.class)), types);
      } catch (HandlerFault fault) {
        return new FaultHandler(fault);
      } catch (Throwable thrown) {
        return new FaultHandler(HandlerFault.of(thrown, false));
      }
    }
    return notAHandler(handlerClass);
  }

  /** Resolve an existing handler object under the same rules, without calling a constructor. */
  LoadedHandler load(Object handler) {
    if (handler instanceof RequestStreamHandler streamHandler) {
      return stream(streamHandler);
    }
    if (handler instanceof RequestHandler<?, ?> requestHandler) {
      try {
        return pojo(requestHandler, RequestHandlerTypes.of(handler.getClass()));
      } catch (HandlerFault fault) {
        return new FaultHandler(fault);
      } catch (RuntimeException | Error thrown) {
        return new FaultHandler(HandlerFault.of(thrown, false));
      }
    }
    return notAHandler(handler.getClass());
  }

  private static LoadedHandler notAHandler(Class<?> handlerClass) {
    return new FaultHandler(
        HandlerFault.of(
            "Class does not implement an appropriate handler interface: "
                + handlerClass.getName()));
  }

  private static LoadedHandler stream(RequestStreamHandler handler) {
    return new StreamAdapter(handler::handleRequest);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private LoadedHandler pojo(RequestHandler handler, Type[] types) {
    return new PojoAdapter(handler::handleRequest, types[0], types[1], serializers);
  }
}
