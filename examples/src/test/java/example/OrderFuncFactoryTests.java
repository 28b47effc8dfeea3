package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LocalLambdaExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link OrderFunc} as one warm function for the whole class, its handler built by a factory in the
 * init phase of the cold start: the factory reads the table's name from the function's environment,
 * as the no-argument constructor does in Lambda, and passes a mock client (Mockito without its
 * JUnit extension: stubbed once, before the tests, as the tests run in parallel).
 */
// tag::factory[]
class OrderFuncFactoryTests {

  static final DynamoDbClient DYNAMO_DB = mock(DynamoDbClient.class);

  // A static field: one function for the class, warm after its first invocation.
  @RegisterExtension
  static LocalLambdaExtension orders =
      LocalLambdaExtension.builder()
          .handler(OrderFunc.class, () -> new OrderFunc(DYNAMO_DB, System.getenv("TABLE")))
          .environmentVariable("TABLE", "orders-test")
          .timeout(Duration.ofSeconds(10))
          .memorySize(512)
          .build();

  @BeforeAll
  static void stubTheTable() {
    when(DYNAMO_DB.getItem(request("o-1"))).thenReturn(item("o-1", "PACKED"));
    when(DYNAMO_DB.getItem(request("o-2"))).thenReturn(GetItemResponse.builder().build());
  }

  @Test
  void readsFromTheTableTheEnvironmentNames(LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson("{\"orderId\":\"o-1\"}");

    assertThat(result.returnValue(Map.class)).containsEntry("status", "PACKED");
    verify(DYNAMO_DB, atLeastOnce()).getItem(request("o-1"));
  }

  // end::factory[]

  @Test
  void aMissingOrderIsLogged(LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson("{\"orderId\":\"o-2\"}");

    assertThat(result.returnValue(Map.class)).containsEntry("found", false);
    assertThat(result.logs()).contains("no order o-2 in orders-test\n");
    assertThat(result.reportLine()).contains("\tMemory Size: 512 MB\t");
  }

  static GetItemRequest request(String orderId) {
    return GetItemRequest.builder()
        .tableName("orders-test")
        .key(Map.of("orderId", AttributeValue.fromS(orderId)))
        .consistentRead(true)
        .build();
  }

  static GetItemResponse item(String orderId, String status) {
    return GetItemResponse.builder()
        .item(
            Map.of(
                "orderId", AttributeValue.fromS(orderId), "status", AttributeValue.fromS(status)))
        .build();
  }
}
