package dev.lambdalocal.cli;

import dev.lambdalocal.lambda.LambdaServiceMock;
import java.net.URI;
import java.util.List;

/**
 * What serves: the API, the Cognito mock, the Lambda service (null without --lambda-service) and
 * the functions, closed in reverse order.
 */
record ServedApi(
    URI apiUrl,
    URI cognitoUrl,
    String region,
    String identityPoolId,
    LambdaServiceMock lambda,
    URI accountUrl,
    List<String> functions,
    List<AutoCloseable> resources)
    implements AutoCloseable {

  @Override
  public void close() {
    closeAll(resources);
  }

  /** Close {@code resources} last to first, every one even when one fails. */
  static void closeAll(List<AutoCloseable> resources) {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot stop the API: " + e, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
