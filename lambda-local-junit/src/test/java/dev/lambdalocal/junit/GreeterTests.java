package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.Greeter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first steps of docs/junit.md: a handler class, an event file, the result and its logs. */
// tag::quickstart[]
@LambdaTest(handler = Greeter.class, timeout = "2s", memorySize = 512)
class GreeterTests {

  @Test
  void greetsByName(@Event("events/greeting.json") Map<String, String> event, LocalLambda lambda) {
    InvocationResult result = lambda.invoke(event);

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.payloadAsString()).isEqualTo("\"Hello, Ada\"");
    assertThat(result.returnValue(String.class)).isEqualTo("Hello, Ada");
  }

  // end::quickstart[]

  // tag::errors[]
  @Test
  void reportsAMissingNameAsLambdaDoes(LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson("{}");

    assertThat(result.isError()).isTrue();
    assertThat(result.functionError()).hasValue("Unhandled");
    LambdaError error = result.error().orElseThrow();
    assertThat(error.errorType()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(error.errorMessage()).isEqualTo("name is required");
    assertThat(error.stackTrace()).first().asString().startsWith(Greeter.class.getName());
  }

  // end::errors[]

  // tag::logs[]
  @Test
  void capturesTheLogsAndTheReportOfEachInvocation(LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson("{\"name\": \"Grace\"}");

    assertThat(result.logs())
        .startsWith("START RequestId: " + result.requestId())
        .contains("greeting Grace", "from stdout: Grace")
        .contains("END RequestId: " + result.requestId());
    assertThat(result.reportLine())
        .startsWith("REPORT RequestId: " + result.requestId())
        .contains("\tMemory Size: 512 MB\t");
  }
  // end::logs[]
  // tag::quickstart[]
}
// end::quickstart[]
