package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Looks an order up in DynamoDB: {@code {"orderId": "o-1"}} answers {@code {"orderId": "o-1",
 * "status": "SHIPPED", "found": true}}, or {@code "found": false} when the table has no such item.
 *
 * <p>Its collaborator, the {@link DynamoDbClient}, is injected: Lambda calls the no-argument
 * constructor, which builds the default client (region and credentials from the function's
 * environment, and the endpoint from {@code AWS_ENDPOINT_URL_DYNAMODB} when set), while tests pass
 * a mock through the other one (see {@code docs/junit.md}, "Testing handlers with collaborators").
 */
public class OrderFunc implements RequestHandler<Map<String, String>, Map<String, Object>> {

  private final DynamoDbClient dynamoDb;
  private final String table;

  // tag::constructors[]
  /** Create the handler as Lambda does: the default client, the table named by {@code TABLE}. */
  public OrderFunc() {
    this(DynamoDbClient.create(), System.getenv("TABLE"));
  }

  /**
   * Create the handler with its collaborators.
   *
   * @param dynamoDb the client the handler reads with
   * @param table the orders table
   */
  public OrderFunc(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  // end::constructors[]

  /** Look the event's order up. */
  @Override
  public Map<String, Object> handleRequest(Map<String, String> event, Context context) {
    String orderId = event.get("orderId");
    GetItemResponse response =
        dynamoDb.getItem(
            GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                .consistentRead(true)
                .build());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("orderId", orderId);
    if (!response.hasItem() || response.item().isEmpty()) {
      context.getLogger().log("no order " + orderId + " in " + table + "\n");
      answer.put("found", false);
      return answer;
    }
    answer.put("status", response.item().get("status").s());
    answer.put("found", true);
    return answer;
  }
}
