package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

/**
 * START, END, REPORT and the runtime's error lines stand alone even after a logger call without a
 * newline; each {@code LambdaLogger.log} call stays whole (issue 11, item 4).
 */
class PlatformLineBreakTests {

  @Test
  void theEndLineStartsANewLineAfterALogCallWithoutOne() {
    RequestHandler<String, String> handler =
        new RequestHandler<>() {
          @Override
          public String handleRequest(String event, Context context) {
            context.getLogger().log("x");
            context.getLogger().log("one record\nof two lines");
            return event;
          }
        };
    try (LocalLambda lambda =
        LocalLambda.builder().handlerInstance(handler).functionName("glue").quiet(true).build()) {
      InvocationResult result = lambda.invokeJson("\"e\"");

      assertThat(result.logs())
          .startsWith("START RequestId: " + result.requestId() + " Version: $LATEST\n")
          .contains("\nxone record\nof two lines\nEND RequestId: " + result.requestId() + "\n")
          .contains("\nREPORT RequestId: ");
    }
  }

  @Test
  void anErrorLineStartsANewLineToo() {
    RequestHandler<String, String> handler =
        new RequestHandler<>() {
          @Override
          public String handleRequest(String event, Context context) {
            System.out.print("half a line");
            throw new IllegalStateException("boom");
          }
        };
    try (LocalLambda lambda =
        LocalLambda.builder().handlerInstance(handler).functionName("fails").quiet(true).build()) {
      InvocationResult result = lambda.invokeJson("\"e\"");

      assertThat(result.logs())
          .contains("\nhalf a line\n")
          .contains("\nEND RequestId: " + result.requestId() + "\n");
    }
  }
}
