package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * The old framework's {@code connect} flow, offline: a Cognito identity, its credentials, a request
 * signed by the AWS SDK v2's signer, API Gateway's IAM check, the function.
 */
class SigV4EndToEndTests {

  private final Handlers.EventEcho echo = new Handlers.EventEcho();
  private final LocalLambda echoFunction = function(echo);
  private CognitoMock cognito;
  private ApiGatewayMock api;
  private Identity identity;
  private Credentials credentials;

  @BeforeEach
  void start() {
    cognito = CognitoMock.builder().start();
    identity = cognito.getId();
    try (CognitoIdentityClient client = cognito.createClient()) {
      credentials =
          client.getCredentialsForIdentity(r -> r.identityId(identity.identityId())).credentials();
    }
    api =
        ApiGatewayMock.restApi()
            .stage("dev")
            .route("POST", "/orders/{id}", echoFunction, Authorization.AWS_IAM)
            .iamAuthorizer(IamAuthorizer.sigV4(cognito))
            .start();
  }

  @AfterEach
  void stop() {
    api.close();
    echoFunction.close();
    cognito.close();
  }

  private HttpRequest signed(URI uri, String body) {
    SdkHttpFullRequest unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/json")
            .build();
    SdkHttpRequest signedRequest =
        AwsV4HttpSigner.create()
            .sign(
                SignRequest.builder(
                        AwsSessionCredentialsIdentity.create(
                            credentials.accessKeyId(),
                            credentials.secretKey(),
                            credentials.sessionToken()))
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, cognito.region())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .build())
            .request();
    HttpRequest.Builder http =
        Http.request(uri).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    signedRequest
        .headers()
        .forEach(
            (name, values) -> {
              // The HTTP client sets Host itself, to the same value that was signed.
              if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> http.header(name, value));
              }
            });
    return http.build();
  }

  @Test
  void aSignedRequestReachesTheFunctionAsItsCognitoIdentity() {
    HttpResponse<String> response =
        Http.send(signed(api.baseUri().resolve("orders/42?x=1"), "{\"qty\":2}"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = Http.echoedEvent(response);
    JsonNode caller = event.path("requestContext").path("identity");
    assertThat(caller.path("cognitoIdentityId").asText()).isEqualTo(identity.identityId());
    assertThat(caller.path("cognitoIdentityPoolId").asText())
        .isEqualTo(cognito.defaultIdentityPoolId());
    assertThat(caller.path("cognitoAuthenticationType").asText()).isEqualTo("unauthenticated");
    assertThat(caller.path("accessKey").asText()).isEqualTo(credentials.accessKeyId());
    assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("42");
    assertThat(event.path("body").asText()).isEqualTo("{\"qty\":2}");
  }

  @Test
  void aTamperedRequestIsRefusedWithTheCanonicalRequestAndNeverReachesTheFunction() {
    HttpRequest original = signed(api.baseUri().resolve("orders/42"), "{\"qty\":2}");
    HttpRequest.Builder tampered =
        Http.request(api.baseUri().resolve("orders/43"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"qty\":2}"));
    original
        .headers()
        .map()
        .forEach((name, values) -> values.forEach(v -> tampered.header(name, v)));

    HttpResponse<String> response = Http.send(tampered.build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidSignatureException");
    assertThat(response.body())
        .startsWith(
            "{\"message\":\"The request signature we calculated does not match the signature you"
                + " provided.")
        .contains("POST\\n/dev/orders/43\\n");
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void anUnsignedRequestGetsMissingAuthenticationToken() {
    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("orders/42"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(echo.invocations).hasValue(0);
  }
}
