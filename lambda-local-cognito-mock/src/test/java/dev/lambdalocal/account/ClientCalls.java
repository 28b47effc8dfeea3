package dev.lambdalocal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The calls one Python client made, by key, each reduced to what the AWS CLI shows: the response as
 * JSON or the error line ({@code An error occurred (Code) when calling the Op operation: …}). Keys
 * are the same in cli_operations.sh and boto3_operations.py, so the same expectations check both
 * clients. Records which keys were checked, so no call goes unasserted.
 */
final class ClientCalls {

  /** One call: its response, or the error line. */
  record Call(JsonNode output, String error) {}

  // AWS CLI v1 exits with 255 on a service error (v2 with 254); 0 on success.
  private static final int CLI_SERVICE_ERROR = 255;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String client;
  private final Map<String, Call> calls;
  private final Set<String> checked = new LinkedHashSet<>();

  private ClientCalls(String client, Map<String, Call> calls) {
    this.client = client;
    this.calls = calls;
  }

  /** Read boto3_operations.py's output: {@code {key: {"output": …} | {"error": "…"}}}. */
  static ClientCalls fromBoto3(String stdout) throws Exception {
    Map<String, Call> calls = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(stdout).fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode error = entry.getValue().get("error");
      calls.put(
          entry.getKey(),
          error != null
              ? new Call(null, error.asText().strip())
              : new Call(entry.getValue().get("output"), null));
    }
    return new ClientCalls("boto3", calls);
  }

  /**
   * Read cli_operations.sh's output: {@code {key: {"status", "stdout", "stderr"}}}, checking that a
   * success exits with 0 and prints nothing on stderr, and an error exits with 255 and prints
   * nothing on stdout, as the AWS CLI v1 does.
   */
  static ClientCalls fromAwsCli(String stdout) throws Exception {
    Map<String, Call> calls = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(stdout).fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      int status = entry.getValue().get("status").asInt();
      String out = entry.getValue().get("stdout").asText();
      String err = entry.getValue().get("stderr").asText();
      if (status == 0) {
        assertThat(err).as("stderr of successful call %s", key).isEmpty();
        calls.put(
            key, new Call(out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out), null));
      } else {
        assertThat(status)
            .as("exit status of %s (stderr: %s)", key, err)
            .isEqualTo(CLI_SERVICE_ERROR);
        assertThat(out).as("stdout of failed call %s", key).isEmpty();
        calls.put(key, new Call(null, err.strip()));
      }
    }
    return new ClientCalls("aws", calls);
  }

  /** Return the response of a call that must have succeeded. */
  JsonNode output(String key) {
    Call call = call(key);
    if (call.error() != null) {
      fail("%s %s failed: %s", client, key, call.error());
    }
    return call.output();
  }

  /** Return the error line of a call that must have failed. */
  String error(String key) {
    Call call = call(key);
    if (call.error() == null) {
      fail("%s %s succeeded but should have failed: %s", client, key, call.output());
    }
    return call.error();
  }

  private Call call(String key) {
    Call call = calls.get(key);
    if (call == null) {
      fail("%s made no call %s; it made %s", client, key, calls.keySet());
    }
    checked.add(key);
    return call;
  }

  /** Return the keys of the calls no expectation looked at. */
  Set<String> unchecked() {
    Set<String> rest = new LinkedHashSet<>(calls.keySet());
    rest.removeAll(checked);
    return rest;
  }

  /** Return the CLI's error line for {@code code} and {@code message} from {@code operation}. */
  static String errorLine(String code, String operation, String message) {
    return ("An error occurred ("
            + code
            + ") when calling the "
            + operation
            + " operation: "
            + message)
        .strip();
  }
}
