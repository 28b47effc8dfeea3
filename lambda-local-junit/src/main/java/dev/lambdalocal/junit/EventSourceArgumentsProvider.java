package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.EventSets;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Provides the events of {@link EventSource} to a parameterized test, one invocation per file. */
final class EventSourceArgumentsProvider implements ArgumentsProvider {

  // provideArguments(ExtensionContext) is the one method of the 5.10 API, and later versions call
  // it; but since 5.13 they report anything it throws as "does not override" the newer method. So
  // the events are loaded lazily, when the stream is consumed, where errors keep their own message.
  @Override
  @SuppressWarnings("deprecation")
  public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
    return Stream.of(context).flatMap(EventSourceArgumentsProvider::arguments);
  }

  private static Stream<Arguments> arguments(ExtensionContext context) {
    EventSource events =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), EventSource.class)
            .orElseThrow();
    EventSets.Declaration declaration =
        new EventSets.Declaration(
            "@EventSource",
            events.folder(),
            events.files(),
            events.type(),
            events.recursive(),
            events.suffix(),
            0);
    return EventSets.load(context, declaration).stream().map(Arguments::of);
  }
}
