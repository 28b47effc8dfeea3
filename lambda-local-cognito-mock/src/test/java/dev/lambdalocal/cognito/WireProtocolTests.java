package dev.lambdalocal.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw HTTP exchanges, for what the SDK hides: headers, number formats, protocol errors. */
class WireProtocolTests {

  static final Instant NOW = Instant.parse("2018-01-05T00:26:42Z");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  static CognitoMock cognito;

  @BeforeAll
  static void start() {
    cognito = CognitoMock.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
  }

  @AfterAll
  static void stop() {
    cognito.close();
  }

  static HttpResponse<String> post(String target, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(cognito.endpoint().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSuccessIsAwsJson11WithARequestId() throws Exception {
    HttpResponse<String> response =
        post(
            "AWSCognitoIdentityService.GetId",
            "{\"IdentityPoolId\":\"" + cognito.defaultIdentityPoolId() + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.1");
    assertThat(response.headers().firstValue("x-amzn-RequestId"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    assertThat(response.body()).matches("\\{\"IdentityId\":\"us-east-1:[0-9a-f-]{36}\"}");
  }

  @Test
  void timestampsAreEpochSecondsAsCognitoPrintsThem() throws Exception {
    String identityId =
        JSON.readTree(
                post(
                        "AWSCognitoIdentityService.GetId",
                        "{\"IdentityPoolId\":\"" + cognito.defaultIdentityPoolId() + "\"}")
                    .body())
            .get("IdentityId")
            .asText();

    HttpResponse<String> response =
        post(
            "AWSCognitoIdentityService.GetCredentialsForIdentity",
            "{\"IdentityId\":\"" + identityId + "\"}");

    assertThat(response.body()).contains("\"Expiration\":1.515115602E9");
    JsonNode credentials = JSON.readTree(response.body()).get("Credentials");
    assertThat(credentials.fieldNames())
        .toIterable()
        .containsExactly("AccessKeyId", "Expiration", "SecretKey", "SessionToken");
  }

  @Test
  void anErrorHasTypeAndMessageInBodyAndHeaders() throws Exception {
    HttpResponse<String> response =
        post(
            "AWSCognitoIdentityService.DescribeIdentityPool",
            "{\"IdentityPoolId\":\"us-east-1:00000000-0000-0000-0000-000000000000\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"__type\":\"ResourceNotFoundException\",\"message\":\"IdentityPool"
                + " 'us-east-1:00000000-0000-0000-0000-000000000000' not found.\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("ResourceNotFoundException:");
    assertThat(response.headers().firstValue("x-amzn-ErrorMessage"))
        .hasValue("IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found.");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void malformedJsonIsASerializationException() throws Exception {
    HttpResponse<String> response = post("AWSCognitoIdentityService.GetId", "{\"IdentityPoolId\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"SerializationException\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("SerializationException:");
  }

  @Test
  void aMemberOfTheWrongTypeIsASerializationException() throws Exception {
    HttpResponse<String> response =
        post("AWSCognitoIdentityService.ListIdentityPools", "{\"MaxResults\":\"ten\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"SerializationException\"}");
  }

  @Test
  void anUnknownOperationIsAnUnknownOperationException() throws Exception {
    HttpResponse<String> response =
        post("AWSCognitoIdentityService.MergeDeveloperIdentities", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnknownOperationException:");
  }

  @Test
  void aMissingOrForeignTargetIsAnUnknownOperationException() throws Exception {
    assertThat(post(null, "{}").body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    assertThat(post("DynamoDB_20120810.ListTables", "{}").body())
        .isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    HttpResponse<String> getRoot = get(cognito.endpoint().resolve("/"));
    assertThat(getRoot.statusCode()).isEqualTo(400);
    assertThat(getRoot.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
  }

  @Test
  void operationsWithoutOutputAnswerWithAnEmptyBody() throws Exception {
    String poolId =
        JSON.readTree(
                post(
                        "AWSCognitoIdentityService.CreateIdentityPool",
                        "{\"IdentityPoolName\":\"scratch\",\"AllowUnauthenticatedIdentities\":true}")
                    .body())
            .get("IdentityPoolId")
            .asText();

    HttpResponse<String> response =
        post(
            "AWSCognitoIdentityService.DeleteIdentityPool",
            "{\"IdentityPoolId\":\"" + poolId + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void theJwksAndDiscoveryDocumentAreServedAsJson() throws Exception {
    HttpResponse<String> jwks = get(cognito.jwksUri());
    HttpResponse<String> discovery = get(cognito.openIdConfigurationUri());

    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode key = JSON.readTree(jwks.body()).get("keys").get(0);
    assertThat(key.get("kty").asText()).isEqualTo("RSA");
    assertThat(key.get("alg").asText()).isEqualTo("RS512");
    assertThat(key.get("use").asText()).isEqualTo("sig");
    assertThat(key.get("e").asText()).isEqualTo("AQAB");
    JsonNode configuration = JSON.readTree(discovery.body());
    assertThat(configuration.get("issuer").asText())
        .isEqualTo("https://cognito-identity.amazonaws.com");
    assertThat(configuration.get("jwks_uri").asText()).isEqualTo(cognito.jwksUri().toString());
  }

  @Test
  void wireMocksAdminApiIsClosed() throws Exception {
    HttpResponse<String> response = get(cognito.endpoint().resolve("/__admin/mappings"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("lambda-local-cognito-identity");
  }
}
