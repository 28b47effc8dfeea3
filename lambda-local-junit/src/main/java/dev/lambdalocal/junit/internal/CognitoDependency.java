package dev.lambdalocal.junit.internal;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Checks that lambda-local-cognito-mock — an optional dependency of lambda-local-junit — is there
 * before any class that refers to it is loaded, so that its absence is a message, not a {@link
 * NoClassDefFoundError}.
 *
 * @since 0.1.0
 */
public final class CognitoDependency {

  private static final List<String> REQUIRED =
      List.of(
          "dev.lambdalocal.cognito.CognitoMock",
          "software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient");

  private CognitoDependency() {}

  /**
   * Fail unless the Cognito mock and the AWS SDK client it builds are on the class path.
   *
   * @param origin what needs them, e.g. {@code @WithCognitoMock on class …}
   * @throws ExtensionConfigurationException naming {@code origin} and the missing dependency
   * @since 0.1.0
   */
  public static void require(String origin) {
    for (String type : REQUIRED) {
      try {
        Class.forName(type, false, CognitoDependency.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ExtensionConfigurationException(
            origin
                + ": needs lambda-local-cognito-mock on the test class path ("
                + type
                + " is missing); add the test dependency dev.lambdalocal:lambda-local-cognito-mock",
            e);
      }
    }
  }
}
