package dev.lambdalocal.core.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The overload order on its own, where a tie would otherwise leave the outcome to the order of
 * {@code Class.getMethods()}.
 */
class MethodPriorityTests {

  private static Method method(Class<?> type, Class<?>... parameters) throws Exception {
    return type.getMethod("handle", parameters);
  }

  @Test
  void trailingContextOutweighsTwoPlainParameters() throws Exception {
    Method pojoAndContext =
        method(MethodHandlerTests.ContextCountsDouble.class, String.class, Context.class);
    Method streams =
        method(MethodHandlerTests.ContextCountsDouble.class, InputStream.class, OutputStream.class);

    assertThat(MethodHandlers.PRIORITY.compare(pojoAndContext, streams)).isNegative();
    assertThat(MethodHandlers.PRIORITY.compare(streams, pojoAndContext)).isPositive();
  }

  @Test
  void contextAloneTiesWithTwoPlainParameters() throws Exception {
    Method contextOnly =
        MethodHandlerTests.Signatures.class.getMethod("contextOnly", Context.class);
    Method streams =
        MethodHandlerTests.Signatures.class.getMethod(
            "inputAndOutput", InputStream.class, OutputStream.class);

    assertThat(MethodHandlers.PRIORITY.compare(contextOnly, streams)).isZero();
  }

  @Test
  void bridgeMethodsComeLastWhateverTheirLength() throws Exception {
    Method bridge = method(MethodHandlerTests.Bridged.class, Object.class, Context.class);
    Method shorter = MethodHandlerTests.LongerFirst.class.getMethod("handle");

    assertThat(bridge.isBridge()).isTrue();
    assertThat(MethodHandlers.PRIORITY.compare(shorter, bridge)).isNegative();
    assertThat(MethodHandlers.PRIORITY.compare(bridge, shorter)).isPositive();
  }

  @Test
  void sortsBySignatureWeight() throws Exception {
    List<Method> methods =
        new ArrayList<>(
            Arrays.stream(MethodHandlerTests.StreamsBeatPojo.class.getMethods())
                .filter(candidate -> candidate.getName().equals("handle"))
                .toList());

    methods.sort(MethodHandlers.PRIORITY);

    assertThat(methods)
        .extracting(candidate -> Arrays.asList(candidate.getParameterTypes()))
        .containsExactly(
            List.of(InputStream.class, OutputStream.class, Context.class),
            List.of(String.class, Context.class),
            List.of(String.class));
  }
}
