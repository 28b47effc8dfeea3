package dev.lambdalocal.core.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LambdaVariablesTests {

  private static Map<String, String> reserved() {
    return LambdaVariables.reserved(
        "orders",
        "$LATEST",
        512,
        "eu-west-1",
        "example.OrderHandler::handleRequest",
        "/aws/lambda/orders",
        "2025/09/02/[$LATEST]10681b291d2547ae90e38612e90b0aeb");
  }

  @Test
  void theVariablesAreThoseAwsDocumentsWithTheirValues() {
    int feature = Runtime.version().feature();
    String runtime = feature >= 25 ? "java25" : feature >= 21 ? "java21" : "java17";
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("_HANDLER", "example.OrderHandler::handleRequest");
    expected.put("AWS_DEFAULT_REGION", "eu-west-1");
    expected.put("AWS_REGION", "eu-west-1");
    expected.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
    expected.put("AWS_LAMBDA_FUNCTION_NAME", "orders");
    expected.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    expected.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    expected.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    expected.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders");
    expected.put(
        "AWS_LAMBDA_LOG_STREAM_NAME", "2025/09/02/[$LATEST]10681b291d2547ae90e38612e90b0aeb");
    expected.put("AWS_ACCESS_KEY_ID", "ASIALAMBDALOCALDUMMY");
    expected.put("AWS_SECRET_ACCESS_KEY", "lambdaLocal/dummy/secret/NOT/a/real/key0");
    expected.put("AWS_SESSION_TOKEN", "LambdaLocalDummySessionToken/NotValidForAnyAwsAccount");
    expected.put("LAMBDA_TASK_ROOT", "/var/task");
    expected.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
    expected.put("LANG", "en_US.UTF-8");
    expected.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
    expected.put(
        "LD_LIBRARY_PATH",
        "/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib"
            + ":/opt/lib");
    expected.put("TZ", ":UTC");

    assertThat(reserved()).containsExactlyEntriesOf(expected);
  }

  @Test
  void theCredentialsAreWellFormedDummies() {
    Map<String, String> variables = reserved();

    assertThat(variables.get("AWS_ACCESS_KEY_ID")).matches("ASIA[A-Z0-9]{16}");
    assertThat(variables.get("AWS_SECRET_ACCESS_KEY")).matches("[A-Za-z0-9/+]{40}");
    assertThat(variables.get("AWS_SESSION_TOKEN")).isNotBlank();
    assertThat(variables.get("AWS_ACCESS_KEY_ID"))
        .isNotEqualTo(EnvironmentOverlay.processEnvironment().get("AWS_ACCESS_KEY_ID"));
  }

  @Test
  void theRuntimeApiAndTheTraceIdAreNotDefinedHere() {
    assertThat(reserved()).doesNotContainKeys("AWS_LAMBDA_RUNTIME_API", "_X_AMZN_TRACE_ID");
  }

  @ParameterizedTest
  @CsvSource({
    "17, AWS_Lambda_java17",
    "20, AWS_Lambda_java17",
    "21, AWS_Lambda_java21",
    "24, AWS_Lambda_java21",
    "25, AWS_Lambda_java25",
    "26, AWS_Lambda_java25"
  })
  void theExecutionEnvironmentIsTheNewestManagedRuntimeTheJdkCanPassFor(int feature, String env) {
    assertThat(LambdaVariables.executionEnvironment(feature)).isEqualTo(env);
  }

  @Test
  void theReservedKeysAreThoseAwsLists() {
    assertThat(LambdaVariables.reservedKeys())
        .containsExactly(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR",
            "AWS_LAMBDA_MAX_CONCURRENCY");
  }

  @Test
  void everyDefinedVariableIsReservedExceptTheDocumentedDefaults() {
    Set<String> unreserved = Set.of("LANG", "PATH", "LD_LIBRARY_PATH", "TZ");

    for (String key : reserved().keySet()) {
      assertThat(LambdaVariables.reservedKeys().contains(key))
          .as(key)
          .isEqualTo(!unreserved.contains(key));
    }
  }

  @Test
  void userVariablesWithReservedKeysAreRefusedWithAwsMessage() {
    Map<String, String> user = new LinkedHashMap<>();
    user.put("TABLE", "orders");
    user.put("AWS_REGION", "us-east-1");
    user.put("AWS_ACCESS_KEY_ID", "AKIA...");
    user.put("DEBUG", "true");
    user.put("AWS_SECRET_ACCESS_KEY", "secret");

    assertThatThrownBy(() -> LambdaVariables.checkUserVariables(user))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            "Lambda was unable to configure your environment variables because the environment"
                + " variables you have provided contains reserved keys that are currently not"
                + " supported for modification. Reserved keys used in this request: AWS_REGION,"
                + " AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void userVariablesMayReplaceTheUnreservedDefaults() {
    Map<String, String> user =
        Map.of("LANG", "C.UTF-8", "PATH", "/opt/tools", "TZ", "Europe/Paris", "TABLE", "orders");

    assertThatCode(() -> LambdaVariables.checkUserVariables(user)).doesNotThrowAnyException();
  }
}
