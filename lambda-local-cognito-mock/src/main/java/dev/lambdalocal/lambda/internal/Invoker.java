package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.core.ClientContexts;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Invoke operation (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html): {@code
 * RequestResponse} answers with the function's payload, {@code Event} queues the invocation and
 * answers 202 at once, {@code DryRun} only checks and answers 204.
 */
public final class Invoker implements AutoCloseable {

  private static final int LOG_TAIL_BYTES = 4096;

  private final FunctionRunners runners;
  private final ExecutorService events;
  // The Event invocations still queued or running; guarded by this.
  private int pending;

  /** Invoke through {@code runners}; {@code Event} invocations run on a thread of their own. */
  public Invoker(FunctionRunners runners) {
    this.runners = runners;
    this.events =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "lambda-local-event-invocation");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Invoke {@code view}'s version, reached through {@code alias} (or null). */
  ServiceResponse invoke(HttpCall call, FunctionStore.View view, String alias) {
    String type = call.header("X-Amz-Invocation-Type").orElse("RequestResponse");
    int size = call.body().length;
    switch (type) {
      case "RequestResponse", "DryRun" -> {
        if (size > ApiError.MAX_SYNC_PAYLOAD) {
          throw ApiError.requestTooLarge("InvokeFunction", ApiError.MAX_SYNC_PAYLOAD);
        }
      }
      case "Event" -> {
        if (size > ApiError.MAX_ASYNC_PAYLOAD) {
          throw ApiError.eventTooLarge(size);
        }
      }
      default ->
          throw new ApiError(
              "ValidationException",
              400,
              "1 validation error detected: Value '"
                  + type
                  + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum"
                  + " value set: [Event, RequestResponse, DryRun]");
    }
    if (!view.state().equals("Active")) {
      throw ApiError.notActive(view.state());
    }
    InvokeOptions options = options(call);
    FunctionVersion version = view.version();
    if (type.equals("DryRun")) {
      return new ServiceResponse(204, headers(options.requestId()), new byte[0]);
    }
    LocalLambda runner = runners.runner(version, alias);
    byte[] payload = call.body();
    if (type.equals("Event")) {
      synchronized (this) {
        pending++;
      }
      events.execute(
          () -> {
            try {
              runner.invokePayload(payload, options);
            } finally {
              finished();
            }
          });
      return new ServiceResponse(202, headers(options.requestId()), new byte[0]);
    }
    InvocationResult result = runner.invokePayload(payload, options);
    Map<String, String> headers = headers(result.requestId());
    headers.put("Content-Type", "application/json");
    headers.put("X-Amz-Executed-Version", version.version());
    result.functionError().ifPresent(error -> headers.put("X-Amz-Function-Error", error));
    if (call.header("X-Amz-Log-Type").orElse("None").equals("Tail")) {
      headers.put("X-Amz-Log-Result", logTail(result.logs()));
    }
    return new ServiceResponse(200, headers, result.payload());
  }

  /** Return the last 4 KB of a log, base64-encoded, as {@code X-Amz-Log-Result} carries it. */
  static String logTail(String logs) {
    byte[] bytes = logs.getBytes(StandardCharsets.UTF_8);
    byte[] tail =
        bytes.length <= LOG_TAIL_BYTES
            ? bytes
            : Arrays.copyOfRange(bytes, bytes.length - LOG_TAIL_BYTES, bytes.length);
    return Base64.getEncoder().encodeToString(tail);
  }

  private static InvokeOptions options(HttpCall call) {
    InvokeOptions.Builder options = InvokeOptions.builder().requestId(UUID.randomUUID().toString());
    call.header("X-Amz-Client-Context")
        .ifPresent(
            encoded -> {
              String json;
              try {
                json = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
              } catch (IllegalArgumentException e) {
                throw ApiError.invalidParameter(
                    "Client context must be a valid Base64-encoded JSON object.");
              }
              try {
                options.clientContext(ClientContexts.parse(json));
              } catch (RuntimeException e) {
                throw ApiError.invalidParameter(
                    "Client context must be a valid Base64-encoded JSON object.");
              }
            });
    return options.build();
  }

  private static Map<String, String> headers(String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    return headers;
  }

  /**
   * Wait until every {@code Event} invocation accepted so far has finished.
   *
   * @return whether they finished within {@code timeout}
   */
  public synchronized boolean awaitEvents(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private synchronized void finished() {
    pending--;
    notifyAll();
  }

  /** Stop accepting {@code Event} invocations; running ones are interrupted. */
  @Override
  public void close() {
    events.shutdownNow();
  }
}
