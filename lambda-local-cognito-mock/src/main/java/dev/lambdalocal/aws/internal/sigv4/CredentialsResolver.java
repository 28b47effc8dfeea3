package dev.lambdalocal.aws.internal.sigv4;

import java.util.Optional;

/** Finds the credentials behind an access key id, as AWS's authentication service would. */
@FunctionalInterface
public interface CredentialsResolver {

  /**
   * Return the credentials an access key id belongs to.
   *
   * <p>Called concurrently by the verifier; implementations must be thread-safe.
   *
   * @param accessKeyId the access key id from the request's credential scope
   * @return the credentials, or empty when the key is unknown
   */
  Optional<ResolvedCredentials> resolve(String accessKeyId);
}
