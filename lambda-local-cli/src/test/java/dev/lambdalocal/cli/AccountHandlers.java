package dev.lambdalocal.cli;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Handlers as users write them against AWS: no endpoint, region or credentials in the code. */
public final class AccountHandlers {

  private AccountHandlers() {}

  /**
   * Report the function's endpoint variables and credentials, then do what the event asks: read
   * {@code secretId} through {@code SecretsManagerClient.create()} ({@code secret} or {@code
   * secretError}) and, with {@code extension}, through the Parameters and Secrets extension's API
   * ({@code extensionSecret}: status and body); with {@code dynamodb}, list DynamoDB's tables
   * through {@code DynamoDbClient.create()} ({@code dynamodb}: {@code reached} or the error).
   */
  public static final class AwsReader
      implements RequestHandler<Map<String, String>, Map<String, String>> {
    @Override
    public Map<String, String> handleRequest(Map<String, String> event, Context context) {
      Map<String, String> result = new LinkedHashMap<>();
      for (String variable :
          new String[] {
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER",
            "AWS_ACCESS_KEY_ID",
            "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"
          }) {
        result.put(variable, String.valueOf(System.getenv(variable)));
      }
      String secretId = event.get("secretId");
      if (secretId != null) {
        try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
          result.put("secret", secrets.getSecretValue(r -> r.secretId(secretId)).secretString());
        } catch (RuntimeException e) {
          result.put("secretError", e.getMessage());
        }
        if (event.containsKey("extension")) {
          result.put("extensionSecret", extension("/secretsmanager/get?secretId=" + secretId));
        }
      }
      if (event.containsKey("dynamodb")) {
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
          dynamo.listTables();
          result.put("dynamodb", "reached");
        } catch (RuntimeException e) {
          result.put("dynamodb", e.getMessage());
        }
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
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
