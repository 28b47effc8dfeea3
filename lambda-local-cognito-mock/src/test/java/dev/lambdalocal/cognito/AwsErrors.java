package dev.lambdalocal.cognito;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;

/** Asserts an error exactly as the AWS SDK v2 reports Cognito's: type, code, status, message. */
final class AwsErrors {

  private AwsErrors() {}

  static void assertAwsError(
      ThrowingCallable call,
      Class<? extends CognitoIdentityException> type,
      String errorCode,
      String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            type,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.statusCode()).isEqualTo(400);
              org.assertj.core.api.Assertions.assertThat(e.awsErrorDetails().errorCode())
                  .isEqualTo(errorCode);
              org.assertj.core.api.Assertions.assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(message);
              org.assertj.core.api.Assertions.assertThat(e.requestId()).isNotBlank();
            });
  }
}
