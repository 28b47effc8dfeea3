package dev.lambdalocal.account;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A handler as a user writes it: default-built SDK clients and the extension's HTTP API, no
 * endpoint, region or credentials in the code.
 */
public class AwsReadingHandler implements RequestHandler<Map<String, String>, Map<String, String>> {

  @Override
  public Map<String, String> handleRequest(Map<String, String> event, Context context) {
    Map<String, String> result = new LinkedHashMap<>();
    try (SecretsManagerClient secrets = SecretsManagerClient.create();
        SsmClient ssm = SsmClient.create()) {
      result.put(
          "sdkSecret", secrets.getSecretValue(r -> r.secretId(event.get("secret"))).secretString());
      result.put(
          "sdkParameter",
          ssm.getParameter(r -> r.name(event.get("parameter")).withDecryption(true))
              .parameter()
              .value());
    }
    result.put("extensionSecret", extension("/secretsmanager/get?secretId=" + event.get("secret")));
    result.put(
        "extensionParameter",
        extension(
            "/systemsmanager/parameters/get?withDecryption=true&name=" + event.get("parameter")));
    try (DynamoDbClient dynamo = DynamoDbClient.create()) {
      dynamo.listTables();
      result.put("dynamodb", "reached");
    } catch (RuntimeException e) {
      result.put("dynamodb", e.getMessage());
    }
    return result;
  }

  private static String extension(String pathAndQuery) {
    String port = System.getenv("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .header("X-Aws-Parameters-Secrets-Token", System.getenv("AWS_SESSION_TOKEN"))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
