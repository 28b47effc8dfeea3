package dev.lambdalocal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalocal.account.OfflineAccount;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The Lambda service on the offline account's one endpoint, beside Cognito, Secrets and SSM, and
 * the account's environment in the functions it runs.
 */
class LambdaThroughAccountTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static OfflineAccount account;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    account =
        OfflineAccount.builder().extensionPort(0).secret("prod/db-password", "s3cr3t").start();
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

  @Test
  void itsFunctionsDefaultBuiltClientReadsTheAccountsSecretWithCredentialsTheAccountMinted()
      throws Exception {
    create("secret-reader", TestFunctions.secretReader(), TestFunctions.SECRET_READER_HANDLER);

    JsonNode read = invoke("secret-reader", "{\"secretId\":\"prod/db-password\"}");

    assertThat(read.get("secret").asText()).as(read.toString()).isEqualTo("s3cr3t");
    assertThat(read.get("endpoint").asText()).isEqualTo(account.endpoint().toString());
    assertThat(read.get("lambdaEndpoint").asText())
        .as("the account's endpoint serves Lambda too: no service of its own")
        .isEqualTo("null");
    assertThat(read.get("accessKeyId").asText())
        .startsWith("ASIA")
        .isNotEqualTo("ASIALAMBDALOCALDUMMY");
  }

  @Test
  void itsFunctionInvokesAnotherThroughTheAccountWithItsDefaultSdkClient() throws Exception {
    create("account-callee", TestFunctions.echoV1(), TestFunctions.ECHO_HANDLER);
    create("account-caller", TestFunctions.caller(), TestFunctions.CALLER_HANDLER);

    JsonNode called =
        invoke(
            "account-caller",
            "{\"target\":\"account-callee\",\"payload\":\"{\\\"from\\\":\\\"caller\\\"}\"}");

    JsonNode inner = JSON.readTree(called.asText());
    assertThat(inner.get("event").get("from").asText()).isEqualTo("caller");
    assertThat(inner.get("arn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:account-callee");
  }

  private static void create(String name, Path zip, String handler) {
    lambda.createFunction(
        r ->
            r.functionName(name)
                .runtime("java21")
                .handler(handler)
                .role(LambdaServiceSdkTests.ROLE)
                // The first SDK client of a function's own class loader loads many classes.
                .timeout(60)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.bytes(zip)))));
  }

  private static JsonNode invoke(String name, String payload) throws Exception {
    InvokeResponse response =
        lambda.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    return JSON.readTree(response.payload().asUtf8String());
  }
}
