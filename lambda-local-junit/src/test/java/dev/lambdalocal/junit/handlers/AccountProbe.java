package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A handler as a user writes it: a default-built Secrets Manager client, built per invocation from
 * the function's environment. It calls only a loopback endpoint, so that a test of what the
 * function would reach never reaches AWS.
 */
public class AccountProbe implements RequestHandler<String, Map<String, String>> {

  @Override
  public Map<String, String> handleRequest(String secretId, Context context) {
    Map<String, String> answer = new LinkedHashMap<>();
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    answer.put("endpoint", endpoint);
    answer.put("accessKeyId", System.getenv("AWS_ACCESS_KEY_ID"));
    answer.put("extensionPort", System.getenv("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"));
    if (endpoint == null || !endpoint.startsWith("http://127.0.0.1:")) {
      answer.put("secret", "not called: no loopback endpoint");
      return answer;
    }
    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
      answer.put("secret", secrets.getSecretValue(r -> r.secretId(secretId)).secretString());
    } catch (AwsServiceException e) {
      answer.put(
          "secret", e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
    }
    return answer;
  }
}
