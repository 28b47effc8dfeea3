package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** A handler method that answers with what its context and environment say. */
public class ContextEcho {

  /** Return the function's settings as Lambda shows them to the function. */
  public Map<String, String> describe(Map<String, String> input, Context context) {
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("functionName", context.getFunctionName());
    answer.put("memory", String.valueOf(context.getMemoryLimitInMB()));
    answer.put("arn", context.getInvokedFunctionArn());
    answer.put(
        "identityId", context.getIdentity() == null ? null : context.getIdentity().getIdentityId());
    answer.put(
        "identityPoolId",
        context.getIdentity() == null ? null : context.getIdentity().getIdentityPoolId());
    answer.put("region", System.getenv("AWS_REGION"));
    String variable = input.get("variable");
    if (variable != null) {
      answer.put(variable, System.getenv(variable));
    }
    return answer;
  }
}
