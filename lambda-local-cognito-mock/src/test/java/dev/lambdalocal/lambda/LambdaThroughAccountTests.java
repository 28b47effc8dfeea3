package dev.lambdalocal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.account.OfflineAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Lambda service on the offline account's one endpoint, beside Cognito, Secrets and SSM. */
class LambdaThroughAccountTests {

  private static OfflineAccount account;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    account = OfflineAccount.builder().start();
    lambda = account.client(LambdaClient.builder());
  }

  @AfterAll
  static void stop() {
    lambda.close();
    account.close();
  }

  @Test
  void aFunctionIsCreatedAndInvokedThroughTheAccountsEndpoint() {
    lambda.createFunction(
        r ->
            r.functionName("through-account")
                .runtime("java21")
                .handler(TestFunctions.ECHO_HANDLER)
                .role(LambdaServiceSdkTests.ROLE)
                .code(
                    c ->
                        c.zipFile(
                            SdkBytes.fromByteArray(TestFunctions.bytes(TestFunctions.echoV1())))));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("through-account"));

    InvokeResponse invoked =
        lambda.invoke(
            r -> r.functionName("through-account").payload(SdkBytes.fromUtf8String("{\"n\":3}")));

    assertThat(invoked.statusCode()).isEqualTo(200);
    assertThat(invoked.payload().asUtf8String()).contains("\"build\":\"v1\"").contains("\"n\":3");
    assertThat(account.lambda().createClient().listFunctions().functions())
        .as("the same state as the service's own port")
        .anySatisfy(f -> assertThat(f.functionName()).isEqualTo("through-account"));
    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("absent")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith(
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:absent");
  }
}
