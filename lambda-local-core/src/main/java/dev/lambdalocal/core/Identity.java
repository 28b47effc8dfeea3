package dev.lambdalocal.core;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An Amazon Cognito identity as Lambda passes it to a function in {@link
 * com.amazonaws.services.lambda.runtime.Context#getIdentity()}.
 *
 * @param identityId the identity id, {@code <region>:<uuid>}
 * @param identityPoolId the identity pool id, {@code <region>:<uuid>}
 * @since 0.1.0
 */
public record Identity(String identityId, String identityPoolId) implements CognitoIdentity {

  private static final Pattern COGNITO_ID =
      Pattern.compile("[\\w-]+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Create an identity; both ids are required. */
  public Identity {
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(identityPoolId, "identityPoolId");
  }

  /**
   * Generate a new identity in Cognito's format for {@code region}, with a new pool id.
   *
   * @param region the AWS region, e.g. {@code us-east-1}
   * @return an identity whose ids are {@code <region>:<random uuid>}
   */
  public static Identity generate(String region) {
    return new Identity(newId(region), newId(region));
  }

  /**
   * Generate a new identity id in Cognito's format for {@code region}.
   *
   * @param region the AWS region, e.g. {@code us-east-1}
   * @return {@code <region>:<random uuid>}
   */
  public static String newId(String region) {
    return region + ":" + UUID.randomUUID();
  }

  /** Return whether {@code id} has Cognito's identity (or pool) id format. */
  public static boolean isCognitoId(String id) {
    return id != null && COGNITO_ID.matcher(id).matches();
  }

  @Override
  public String getIdentityId() {
    return identityId;
  }

  @Override
  public String getIdentityPoolId() {
    return identityPoolId;
  }
}
