package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.ContextEcho;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The function's settings as the handler sees them, the injected context and identity. */
// tag::settings[]
@LambdaTest(
    handlerName = "dev.lambdalocal.junit.handlers.ContextEcho::describe",
    functionName = "ContextEcho",
    memorySize = 256,
    region = "eu-west-1",
    envFile = "src/test/resources/env.json",
    env = {"TABLE=from-annotation", "COLOR=blue"})
class ContextAndIdentityTests {
  // end::settings[]

  @Test
  void theHandlerSeesTheSettings(LocalLambda lambda) {
    Map<?, ?> answer = lambda.invokeJson("{\"variable\": \"COLOR\"}").returnValue(Map.class);

    assertThat(answer.get("functionName")).isEqualTo("ContextEcho");
    assertThat(answer.get("memory")).isEqualTo("256");
    assertThat(answer.get("arn"))
        .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:ContextEcho");
    assertThat(answer.get("region")).isEqualTo("eu-west-1");
    assertThat(answer.get("COLOR")).isEqualTo("blue");
    assertThat(answer.get("identityId")).isNull();
  }

  @Test
  void envPairsWinOverTheEnvFile(LocalLambda lambda) {
    Map<?, ?> table = lambda.invokeJson("{\"variable\": \"TABLE\"}").returnValue(Map.class);
    Map<?, ?> stage = lambda.invokeJson("{\"variable\": \"STAGE\"}").returnValue(Map.class);

    assertThat(table.get("TABLE")).isEqualTo("from-annotation");
    assertThat(stage.get("STAGE")).isEqualTo("test");
  }

  // tag::override[]
  @Test
  @LambdaTest(memorySize = 1024, env = "COLOR=green")
  void aMethodMayChangeTheFunction(LocalLambda lambda) {
    Map<?, ?> answer = lambda.invokeJson("{\"variable\": \"COLOR\"}").returnValue(Map.class);

    assertThat(answer.get("memory")).isEqualTo("1024");
    assertThat(answer.get("COLOR")).isEqualTo("green");
    assertThat(answer.get("region")).isEqualTo("eu-west-1");
  }

  // end::override[]

  // tag::identity[]
  @Test
  void invocationsCarryTheTestsIdentityWhenAsked(
      LocalLambda lambda, InvokeOptions asCaller, Identity caller) {
    assertThat(caller.identityId()).startsWith("eu-west-1:");
    assertThat(Identity.isCognitoId(caller.identityId())).isTrue();

    InvocationResult result = lambda.invokeJson("{}", asCaller);

    assertThat(result.returnValue(Map.class).get("identityId")).isEqualTo(caller.identityId());
  }

  // end::identity[]

  // tag::context[]
  @Test
  void aContextForCallingTheHandlerDirectly(Context context, CognitoIdentity caller) {
    Map<String, String> answer = new ContextEcho().describe(Map.of(), context);

    assertThat(answer).containsEntry("functionName", "ContextEcho").containsEntry("memory", "256");
    assertThat(context.getIdentity().getIdentityId()).isEqualTo(caller.getIdentityId());
    assertThat(context.getRemainingTimeInMillis()).isBetween(1, 3000);
    assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/ContextEcho");
  }

  // end::context[]

  @Test
  void everyTestHasItsOwnIdentityInTheRunsPool(Identity caller, InvokeOptions options) {
    assertThat(options.identity()).isEqualTo(caller);
    assertThat(caller.identityPoolId()).startsWith("eu-west-1:");
    assertThat(Identity.isCognitoId(caller.identityPoolId())).isTrue();
  }
  // tag::settings[]
}
// end::settings[]
