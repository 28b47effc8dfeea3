package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Greets {@code name}, logging through the context's logger and standard output. */
public class Greeter implements RequestHandler<Map<String, String>, String> {

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    String name = input.get("name");
    context.getLogger().log("greeting " + name);
    System.out.println("from stdout: " + name);
    if (name == null) {
      throw new IllegalArgumentException("name is required");
    }
    return "Hello, " + name;
  }
}
