package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What replaces the old framework's {@code lib/env.py}: the function reads its secrets at run time,
 * three ways — Secrets Manager and SSM Parameter Store through the AWS SDK, and the AWS Parameters
 * and Secrets Lambda Extension's local HTTP API — with no endpoint, region or credentials in its
 * code. The clients are built once per execution environment (the init phase), as AWS recommends.
 */
public class SecretsFunc implements RequestHandler<Map<String, String>, Map<String, String>> {

  private static final SecretsManagerClient SECRETS = SecretsManagerClient.create();
  private static final SsmClient SSM = SsmClient.create();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Read the secret {@code secretId} and the parameter {@code parameter} of the event. */
  @Override
  public Map<String, String> handleRequest(Map<String, String> event, Context context) {
    String secretId = event.get("secretId");
    String parameter = event.get("parameter");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("sdkSecret", SECRETS.getSecretValue(r -> r.secretId(secretId)).secretString());
    values.put(
        "sdkParameter",
        SSM.getParameter(r -> r.name(parameter).withDecryption(true)).parameter().value());
    values.put(
        "extensionSecret",
        extension(
            "/secretsmanager/get?secretId=" + URLEncoder.encode(secretId, StandardCharsets.UTF_8)));
    return values;
  }

  /** GET from the extension, with the session token it requires; returns its JSON body. */
  private static String extension(String pathAndQuery) {
    String port = System.getenv().getOrDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .header("X-Aws-Parameters-Secrets-Token", System.getenv("AWS_SESSION_TOKEN"))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("extension answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
