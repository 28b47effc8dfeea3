package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Waits as long as the event's {@code seconds} says, like a function stuck on a slow downstream
 * call, then answers {@code "done"}. Its tests show what a caller sees when Lambda's timeout
 * strikes first.
 */
public class WaitFunc implements RequestHandler<Map<String, Integer>, String> {

  /** Wait, then answer. */
  @Override
  public String handleRequest(Map<String, Integer> event, Context context) {
    try {
      Thread.sleep(event.getOrDefault("seconds", 0) * 1000L);
    } catch (InterruptedException e) {
      // Lambda is ending the invocation: stop waiting.
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return "done";
  }
}
