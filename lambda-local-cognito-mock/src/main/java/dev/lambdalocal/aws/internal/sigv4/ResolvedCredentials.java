package dev.lambdalocal.aws.internal.sigv4;

import java.time.Instant;
import java.util.Objects;

/**
 * The credentials an access key id stands for, and the caller they identify.
 *
 * @param secretAccessKey the secret the request must have been signed with
 * @param sessionToken the session token temporary credentials require, or null for long-term keys
 * @param expiration when temporary credentials stop working, or null if they never do
 * @param principal whatever the caller wants back on success (the Cognito identity, for example)
 */
public record ResolvedCredentials(
    String secretAccessKey, String sessionToken, Instant expiration, Object principal) {

  /** Create credentials; only the secret is required. */
  public ResolvedCredentials {
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /** Return the credentials without their secrets, so that they are safe to log. */
  @Override
  public String toString() {
    return "ResolvedCredentials[secretAccessKey=***, sessionToken="
        + (sessionToken == null ? "null" : "***")
        + ", expiration="
        + expiration
        + ", principal="
        + principal
        + "]";
  }
}
