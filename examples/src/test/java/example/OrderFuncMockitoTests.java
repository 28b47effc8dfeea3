package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LocalLambdaExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@link OrderFunc} with its {@link DynamoDbClient} mocked by Mockito: each test gets a mock of its
 * own ({@code @Mock}) and a function of its own, whose handler a factory builds with that mock in
 * the function's init phase.
 */
// tag::mockito[]
@ExtendWith(MockitoExtension.class)
class OrderFuncMockitoTests {

  @Mock DynamoDbClient dynamoDb;

  // An instance field: a function per test, its factory reading this test's mock at its cold start.
  @RegisterExtension
  LocalLambdaExtension orders =
      LocalLambdaExtension.builder()
          .handler(OrderFunc.class, () -> new OrderFunc(dynamoDb, "orders"))
          .build();

  @Test
  void answersWithTheStatusOfTheItem(LocalLambda lambda) {
    when(dynamoDb.getItem(any(GetItemRequest.class)))
        .thenReturn(
            GetItemResponse.builder()
                .item(
                    Map.of(
                        "orderId", AttributeValue.fromS("o-1"),
                        "status", AttributeValue.fromS("SHIPPED")))
                .build());

    InvocationResult result = lambda.invokeJson("{\"orderId\":\"o-1\"}");

    assertThat(result.payloadAsString())
        .isEqualTo("{\"orderId\":\"o-1\",\"status\":\"SHIPPED\",\"found\":true}");
    // The request the handler built: table, key and a consistent read.
    verify(dynamoDb)
        .getItem(
            GetItemRequest.builder()
                .tableName("orders")
                .key(Map.of("orderId", AttributeValue.fromS("o-1")))
                .consistentRead(true)
                .build());
  }

  // end::mockito[]

  @Test
  void aMissingItemIsNotFound(LocalLambda lambda) {
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenReturn(GetItemResponse.builder().build());

    InvocationResult result = lambda.invokeJson("{\"orderId\":\"o-9\"}");

    assertThat(result.payloadAsString()).isEqualTo("{\"orderId\":\"o-9\",\"found\":false}");
    assertThat(result.logs()).contains("no order o-9 in orders\n");
    assertThat(result.isColdStart()).isTrue();
  }

  // tag::error[]
  @Test
  void anAwsErrorIsTheFunctionsError(LocalLambda lambda) {
    when(dynamoDb.getItem(any(GetItemRequest.class)))
        .thenThrow(
            ResourceNotFoundException.builder()
                .statusCode(400)
                .requestId("R3Q7EXAMPLE")
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .serviceName("DynamoDb")
                        .errorCode("ResourceNotFoundException")
                        .errorMessage("Requested resource not found")
                        .build())
                .build());

    InvocationResult result = lambda.invokeJson("{\"orderId\":\"o-1\"}");

    // Lambda's error document for an unhandled exception: message, type and stack trace.
    LambdaError error = result.error().orElseThrow();
    assertThat(error.errorType())
        .isEqualTo("software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException");
    assertThat(error.errorMessage())
        .isEqualTo(
            "Requested resource not found (Service: DynamoDb, Status Code: 400,"
                + " Request ID: R3Q7EXAMPLE)");
    assertThat(error.stackTrace())
        .anySatisfy(frame -> assertThat(frame).startsWith("example.OrderFunc.handleRequest("));
    assertThat(result.functionError()).contains("Unhandled");
  }
  // end::error[]
}
