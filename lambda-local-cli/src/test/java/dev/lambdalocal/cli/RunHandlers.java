package dev.lambdalocal.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Handlers that the CLI tests invoke, by handler string, in-process and in a separate JVM. */
public final class RunHandlers {

  private RunHandlers() {}

  /** Report what the function sees: the event, its identity, context and environment. */
  public static final class Greeter
      implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
      System.out.println("greeting " + event.get("name"));
      context.getLogger().log("logged through LambdaLogger\n");
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("greeting", "Hello, " + event.get("name"));
      put(result, "eventIdentityId", event.get("identity_id"));
      CognitoIdentity identity = context.getIdentity();
      if (identity != null) {
        put(result, "identityId", identity.getIdentityId());
        put(result, "identityPoolId", identity.getIdentityPoolId());
      }
      result.put("functionName", context.getFunctionName());
      result.put("memory", context.getMemoryLimitInMB());
      put(result, "region", System.getenv("AWS_REGION"));
      put(result, "greetingVariable", System.getenv("GREETING"));
      put(result, "fileVariable", System.getenv("FROM_FILE"));
      ClientContext clientContext = context.getClientContext();
      if (clientContext != null) {
        put(result, "tenant", clientContext.getCustom().get("tenant"));
      }
      return result;
    }

    private static void put(Map<String, Object> result, String key, Object value) {
      if (value != null) {
        result.put(key, value);
      }
    }
  }

  /** Fail every invocation. */
  public static final class Failing implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      System.err.println("about to fail");
      throw new IllegalStateException("boom");
    }
  }

  /** Wait until interrupted, as a handler that outlives its timeout. */
  public static final class Sleeping implements RequestHandler<Object, String> {
    @Override
    public String handleRequest(Object event, Context context) {
      try {
        Thread.sleep(60_000);
        return "woke up";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
  }

  /**
   * Call {@code System.exit} (or, with {@code "halt": true}, {@code Runtime.halt}) with the event's
   * {@code status}, as no handler should.
   */
  public static final class Exiting implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      int status = ((Number) event.get("status")).intValue();
      if (Boolean.TRUE.equals(event.get("halt"))) {
        Runtime.getRuntime().halt(status);
      }
      System.exit(status);
      return "not reached";
    }
  }

  /** Write a line straight to file descriptor 1, past System.out, then answer "payload". */
  public static final class RawStdout implements RequestHandler<Object, String> {
    @Override
    public String handleRequest(Object event, Context context) {
      try {
        java.io.FileOutputStream fd1 = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        fd1.write("raw bytes on fd 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        fd1.flush();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return "payload";
    }
  }
}
