package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LocalLambdaExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@link OrderFunc} as Lambda builds it — its no-argument constructor and the SDK's default client
 * — against a DynamoDB you run yourself, e.g. DynamoDB Local ({@code java -jar DynamoDBLocal.jar
 * -sharedDb}): the function's environment carries {@code AWS_ENDPOINT_URL_DYNAMODB}, which the SDK
 * reads as the endpoint. Without {@code -Ddynamodb.endpoint=http://localhost:8000} (or the {@code
 * DYNAMODB_ENDPOINT} variable) the tests are skipped, with a message that says so.
 */
// tag::endpoint[]
class OrderFuncDynamoDbLocalTests {

  static final String ENDPOINT =
      System.getProperty("dynamodb.endpoint", System.getenv("DYNAMODB_ENDPOINT"));

  @RegisterExtension
  static LocalLambdaExtension orders =
      LocalLambdaExtension.builder()
          .handler(OrderFunc.class) // the no-argument constructor, as in Lambda
          .environment(ENDPOINT == null ? Map.of() : Map.of("AWS_ENDPOINT_URL_DYNAMODB", ENDPOINT))
          .environmentVariable("TABLE", "lambda-local-orders")
          .build();

  @BeforeEach
  void needsAnEndpoint() {
    assumeTrue(
        ENDPOINT != null,
        "No DynamoDB to test against: run DynamoDB Local with -sharedDb and set"
            + " -Ddynamodb.endpoint=http://localhost:8000 (or DYNAMODB_ENDPOINT)");
  }

  // end::endpoint[]
  @BeforeAll
  static void putAnOrder() {
    if (ENDPOINT == null) {
      return;
    }
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(ENDPOINT))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      try {
        client.createTable(
            table ->
                table
                    .tableName("lambda-local-orders")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        a -> a.attributeName("orderId").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("orderId").keyType(KeyType.HASH)));
      } catch (ResourceInUseException alreadyThere) {
        // An earlier run created it.
      }
      client.putItem(
          put ->
              put.tableName("lambda-local-orders")
                  .item(
                      Map.of(
                          "orderId", AttributeValue.fromS("o-local"),
                          "status", AttributeValue.fromS("DELIVERED"))));
    }
  }

  // tag::endpoint[]

  @Test
  void theDefaultClientReadsFromTheEndpointOfTheEnvironment(LocalLambda lambda) {
    InvocationResult result = lambda.invokeJson("{\"orderId\":\"o-local\"}");

    assertThat(result.isSuccess()).as(result.logs()).isTrue();
    assertThat(result.payloadAsString())
        .isEqualTo("{\"orderId\":\"o-local\",\"status\":\"DELIVERED\",\"found\":true}");
  }
}
// end::endpoint[]
