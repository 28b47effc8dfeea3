package dev.lambdalocal.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function error as the Lambda Invoke API returns it: the JSON document with {@code
 * errorMessage}, {@code errorType} and {@code stackTrace}.
 *
 * <p>Fields the runtime leaves out are {@code null} here and absent from {@link #toJson()}: errors
 * found while loading the handler carry no stack trace, and some carry no type, exactly as the AWS
 * Java runtime reports them.
 *
 * @param errorMessage the message ({@code errorMessage})
 * @param errorType the exception class name or Lambda's error type ({@code errorType}), or {@code
 *     null}
 * @param stackTrace the stack frames as {@code StackTraceElement.toString()} prints them, or {@code
 *     null}
 * @since 0.1.0
 */
public record LambdaError(String errorMessage, String errorType, List<String> stackTrace) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Create an error; the stack trace is copied. */
  public LambdaError {
    stackTrace = stackTrace == null ? null : List.copyOf(stackTrace);
  }

  /**
   * Build the error document the runtime reports for a throwable that escaped the handler.
   *
   * <p>The message is the throwable's localized message, or its class name when it has none; the
   * type is its class name; the frames are its own (not its causes').
   *
   * @param throwable what the handler threw, with the runtime's frames already removed
   * @return the error document
   */
  public static LambdaError of(Throwable throwable) {
    String message = throwable.getLocalizedMessage();
    StackTraceElement[] frames = throwable.getStackTrace();
    String[] trace = new String[frames.length];
    for (int i = 0; i < frames.length; i++) {
      trace[i] = frames[i].toString();
    }
    return new LambdaError(
        message == null ? throwable.getClass().getName() : message,
        throwable.getClass().getName(),
        List.of(trace));
  }

  /** Return the JSON document, with the fields in Lambda's order and absent fields left out. */
  public String toJson() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("errorMessage", errorMessage);
    if (errorType != null) {
      document.put("errorType", errorType);
    }
    if (stackTrace != null) {
      document.put("stackTrace", stackTrace);
    }
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write an error document", e);
    }
  }
}
