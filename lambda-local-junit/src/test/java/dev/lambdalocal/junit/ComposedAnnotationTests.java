package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.LocalLambda;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @LambdaTest} inherited from a superclass through a project's own annotation. */
class ComposedAnnotationTests extends EchoFunctionBase {

  @Test
  void theComposedSettingsApply(LocalLambda lambda) {
    Map<?, ?> answer = lambda.invokeJson("{\"variable\": \"STAGE\"}").returnValue(Map.class);

    assertThat(answer.get("memory")).isEqualTo("384");
    assertThat(answer.get("STAGE")).isEqualTo("dev");
    assertThat(answer.get("functionName")).isEqualTo("ContextEcho");
  }
}
