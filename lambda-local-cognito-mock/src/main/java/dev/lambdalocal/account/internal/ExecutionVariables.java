package dev.lambdalocal.account.internal;

import dev.lambdalocal.aws.internal.sigv4.CredentialsResolver;
import dev.lambdalocal.aws.internal.sigv4.KeyRing;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The variables an offline account gives a function's execution environment, and their keys. */
public final class ExecutionVariables {

  private ExecutionVariables() {}

  /**
   * Return the variables of one execution environment: {@code AWS_ENDPOINT_URL}, the per-service
   * {@code AWS_ENDPOINT_URL_…}, the minted credentials and {@code
   * PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}, in that order.
   */
  public static Map<String, String> of(
      URI endpoint, Map<String, URI> serviceEndpoints, KeyRing.Minted minted, int extensionPort) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("AWS_ENDPOINT_URL", endpoint.toString());
    serviceEndpoints.forEach((service, uri) -> variables.put(service, uri.toString()));
    variables.put("AWS_ACCESS_KEY_ID", minted.accessKeyId());
    variables.put("AWS_SECRET_ACCESS_KEY", minted.secretAccessKey());
    variables.put("AWS_SESSION_TOKEN", minted.sessionToken());
    variables.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extensionPort));
    return variables;
  }

  /** Return a resolver of {@code minted}, credentials minted by another key ring. */
  public static CredentialsResolver accepting(List<KeyRing.Minted> minted) {
    List<KeyRing.Minted> all = List.copyOf(minted);
    return accessKeyId -> {
      for (KeyRing.Minted credentials : all) {
        if (credentials.accessKeyId().equals(accessKeyId)) {
          return Optional.of(credentials.resolved());
        }
      }
      return Optional.empty();
    };
  }
}
