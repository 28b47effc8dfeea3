package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of an organization, behind a non-proxy (Lambda, {@code type: aws}) integration of
 * {@code api/members-2015.yaml}: its event is what the request template renders, {@code {"action":
 * "list"|"add", "org_id": …, "username": …, "caller": …}}, its result is what the response
 * templates read, and its failures are exceptions whose message the integration responses'
 * selection patterns match: {@code error: …}, {@code user_already_exists}, {@code bad_length}.
 */
public class MembersFunc implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** List or add members. */
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    String org = String.valueOf(event.get("org_id"));
    if (org.isBlank()) {
      throw new IllegalArgumentException("error: no organization");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if ("add".equals(event.get("action"))) {
      String username = String.valueOf(event.get("username"));
      if (username.equals("ada")) {
        throw new IllegalStateException("user_already_exists");
      }
      if (username.length() < 3) {
        throw new IllegalArgumentException("bad_length");
      }
      result.put("org", org);
      result.put("added", username);
      result.put("by", event.get("caller"));
      return result;
    }
    result.put("org", org);
    result.put(
        "members",
        List.of(Map.of("name", "ada", "role", "admin"), Map.of("name", "grace", "role", "")));
    return result;
  }
}
