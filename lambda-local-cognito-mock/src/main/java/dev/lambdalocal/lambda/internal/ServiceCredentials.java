package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.sigv4.CredentialsResolver;
import dev.lambdalocal.aws.internal.sigv4.ResolvedCredentials;
import dev.lambdalocal.core.internal.env.LambdaVariables;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The credentials the offline Lambda service accepts: its own long-term key, the execution role
 * credentials lambda-local gives every function (so a function's SDK client, which finds them in
 * its environment as in Lambda, reaches the service), and optionally those of another resolver (a
 * Cognito mock's issued credentials).
 */
public final class ServiceCredentials implements CredentialsResolver {

  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String accessKeyId;
  private final String secretAccessKey;
  private final CredentialsResolver others;

  /** Accept {@code accessKeyId}/{@code secretAccessKey}, the functions' and {@code others}'. */
  public ServiceCredentials(
      String accessKeyId, String secretAccessKey, CredentialsResolver others) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.others = others;
  }

  /** Return a new access key id of AWS's long-term form: {@code AKIA} and 16 characters. */
  public static String newAccessKeyId() {
    return "AKIA" + random(KEY_ALPHABET, 16);
  }

  /** Return a new 40-character secret access key. */
  public static String newSecretAccessKey() {
    return random(SECRET_ALPHABET, 40);
  }

  private static String random(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Override
  public Optional<ResolvedCredentials> resolve(String key) {
    if (key.equals(accessKeyId)) {
      return Optional.of(new ResolvedCredentials(secretAccessKey, null, null, "service"));
    }
    if (key.equals(LambdaVariables.ACCESS_KEY_ID)) {
      return Optional.of(
          new ResolvedCredentials(
              LambdaVariables.SECRET_ACCESS_KEY, LambdaVariables.SESSION_TOKEN, null, "function"));
    }
    return others == null ? Optional.empty() : others.resolve(key);
  }
}
