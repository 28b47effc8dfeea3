package dev.lambdalocal.junit.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Reads a secret with a default-built client: no endpoint, region or credentials in the code. */
public class SecretFunction implements RequestHandler<String, String> {

  private static final SecretsManagerClient SECRETS = SecretsManagerClient.create();

  @Override
  public String handleRequest(String secretId, Context context) {
    return SECRETS.getSecretValue(r -> r.secretId(secretId)).secretString();
  }
}
