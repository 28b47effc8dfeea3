package example;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The old framework's {@code example_func}, ported: greets the caller named in the event, after
 * checking that the event's {@code identity_id} is the caller's own Cognito identity.
 *
 * <p>It keeps the old error-handling pattern. Failures are printed to the log, then reported to the
 * caller as one of three generic messages, so that no detail leaks through API Gateway:
 *
 * <ul>
 *   <li>{@code error: custom_failed} for a failure the function detects itself ({@link
 *       ExampleException});
 *   <li>{@code error: property_failed} for a property missing from the event;
 *   <li>{@code error: generic_failed} for anything else.
 * </ul>
 *
 * <p>On success it returns an API Gateway proxy response: {@code {"statusCode": 200, "body":
 * "{\"message\":\"Hello, <name>\",\"identityId\":\"<id>\"}"}}.
 */
public class ExampleFunc implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** Handle one event. */
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    try {
      String identityId = callerIdentity(context);
      if (!identityId.equals(property(event, "identity_id"))) {
        throw new ExampleException("identity_id does not match the caller's identity");
      }
      String name = (String) property(event, "name");
      context.getLogger().log("greeting " + name + " for " + identityId + "\n");
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("statusCode", 200);
      response.put(
          "body",
          "{\"message\":" + quote("Hello, " + name) + ",\"identityId\":" + quote(identityId) + "}");
      return response;
    } catch (ExampleException e) {
      System.out.println(e);
      throw new RuntimeException("error: custom_failed");
    } catch (MissingPropertyException e) {
      System.out.println(new ExampleException("accessing unknown property " + e.getMessage()));
      throw new RuntimeException("error: property_failed");
    } catch (RuntimeException e) {
      System.out.println(new ExampleException("unknown error of type " + e.getClass().getName()));
      throw new RuntimeException("error: generic_failed");
    }
  }

  private static String callerIdentity(Context context) {
    CognitoIdentity identity = context.getIdentity();
    if (identity == null || identity.getIdentityId() == null) {
      throw new ExampleException("the caller has no Cognito identity");
    }
    return identity.getIdentityId();
  }

  /** Return a property of the event, failing like a Python {@code event[name]} would. */
  private static Object property(Map<String, Object> event, String name) {
    if (event == null || !event.containsKey(name)) {
      throw new MissingPropertyException(name);
    }
    return event.get(name);
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /** A failure this function detects itself (the old framework's {@code common.SAError}). */
  static final class ExampleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExampleException(String message) {
      super(message);
    }
  }

  /** A property the event lacks (Python's {@code KeyError}). */
  static final class MissingPropertyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingPropertyException(String property) {
      super(property);
    }
  }
}
