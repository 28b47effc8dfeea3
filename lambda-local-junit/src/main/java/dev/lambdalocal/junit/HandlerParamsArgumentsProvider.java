package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.EventSets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Provides the event and response pairs of {@link HandlerParams} to a parameterized test. */
final class HandlerParamsArgumentsProvider implements ArgumentsProvider {

  // Lazy for the reason given in EventSourceArgumentsProvider.
  @Override
  @SuppressWarnings("deprecation")
  public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
    return Stream.of(context).flatMap(HandlerParamsArgumentsProvider::arguments);
  }

  private static Stream<Arguments> arguments(ExtensionContext context) {
    HandlerParams params =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), HandlerParams.class)
            .orElseThrow();
    EventSource events = params.events();
    Responses responses = params.responses();
    List<Named<Object>> inputs =
        EventSets.load(
            context,
            new EventSets.Declaration(
                "@HandlerParams(events)",
                events.folder(),
                events.files(),
                events.type(),
                events.recursive(),
                events.suffix(),
                0));
    List<Named<Object>> outputs =
        EventSets.load(
            context,
            new EventSets.Declaration(
                "@HandlerParams(responses)",
                responses.folder(),
                responses.files(),
                responses.type(),
                responses.recursive(),
                responses.suffix(),
                1));
    if (inputs.size() != outputs.size()) {
      throw new ExtensionConfigurationException(
          "@HandlerParams on "
              + Describe.element(context.getRequiredTestMethod())
              + ": "
              + inputs.size()
              + " events "
              + names(inputs)
              + " but "
              + outputs.size()
              + " responses "
              + names(outputs)
              + "; each event needs one response");
    }
    return IntStream.range(0, inputs.size())
        .mapToObj(i -> Arguments.of(inputs.get(i), outputs.get(i)));
  }

  private static String names(List<Named<Object>> named) {
    return named.stream().map(Named::getName).collect(Collectors.joining(", ", "[", "]"));
  }
}
