package dev.lambdalocal.core;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the mobile client context that Lambda passes in {@code Context.getClientContext()}.
 *
 * <p>The JSON form is the one the Invoke API takes (base64-decoded {@code X-Amz-Client-Context}):
 * {@code {"client": {"installation_id": …, "app_title": …, "app_version_name": …,
 * "app_version_code": …, "app_package_name": …}, "custom": {…}, "env": {…}}}.
 *
 * @since 0.1.0
 */
public final class ClientContexts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClientContexts() {}

  /**
   * Create a client context.
   *
   * @param client the client application, or {@code null}
   * @param custom custom values set by the client
   * @param environment the client's environment, e.g. {@code platform}
   * @return an immutable client context
   */
  public static ClientContext of(
      Client client, Map<String, String> custom, Map<String, String> environment) {
    return new Context(client, Map.copyOf(custom), Map.copyOf(environment));
  }

  /**
   * Parse the Invoke API's client-context JSON.
   *
   * @param json the document
   * @return the client context
   * @throws LambdaConfigurationException if the JSON is malformed, naming line and column
   */
  public static ClientContext parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new LambdaConfigurationException(
          "client context: line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new LambdaConfigurationException("client context: expected a JSON object");
    }
    JsonNode client = root.path("client");
    Client parsedClient =
        client.isObject()
            ? new ClientApp(
                text(client, "installation_id"),
                text(client, "app_title"),
                text(client, "app_version_name"),
                text(client, "app_version_code"),
                text(client, "app_package_name"))
            : null;
    return of(parsedClient, strings(root.path("custom")), strings(root.path("env")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      values.put(entry.getKey(), entry.getValue().asText());
    }
    return values;
  }

  /**
   * The client application of a client context.
   *
   * @param installationId {@code installation_id}
   * @param appTitle {@code app_title}
   * @param appVersionName {@code app_version_name}
   * @param appVersionCode {@code app_version_code}
   * @param appPackageName {@code app_package_name}
   */
  public record ClientApp(
      String installationId,
      String appTitle,
      String appVersionName,
      String appVersionCode,
      String appPackageName)
      implements Client {
    @Override
    public String getInstallationId() {
      return installationId;
    }

    @Override
    public String getAppTitle() {
      return appTitle;
    }

    @Override
    public String getAppVersionName() {
      return appVersionName;
    }

    @Override
    public String getAppVersionCode() {
      return appVersionCode;
    }

    @Override
    public String getAppPackageName() {
      return appPackageName;
    }
  }

  private record Context(Client client, Map<String, String> custom, Map<String, String> env)
      implements ClientContext {
    @Override
    public Client getClient() {
      return client;
    }

    @Override
    public Map<String, String> getCustom() {
      return custom;
    }

    @Override
    public Map<String, String> getEnvironment() {
      return env;
    }
  }
}
