package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.IamAuthorizer.Decision;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IssuedCredentials;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

class IamAuthorizationTests {

  private final Handlers.EventEcho echo = new Handlers.EventEcho();
  private final LocalLambda echoFunction = function(echo);
  private final List<IamAuthorizer.Request> seen = new CopyOnWriteArrayList<>();
  private CognitoMock cognito;
  private IssuedCredentials credentials;
  private ApiGatewayMock api;

  @BeforeEach
  void issueCredentials() {
    cognito = CognitoMock.builder().start();
    Identity identity = cognito.getId();
    try (CognitoIdentityClient client = cognito.createClient()) {
      String accessKeyId =
          client
              .getCredentialsForIdentity(r -> r.identityId(identity.identityId()))
              .credentials()
              .accessKeyId();
      credentials = cognito.issuedCredentials(accessKeyId).orElseThrow();
    }
  }

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
    echoFunction.close();
    cognito.close();
  }

  /** Stands in for SigV4: allows the access key named in the Authorization header. */
  private Decision byAccessKey(IamAuthorizer.Request request) {
    seen.add(request);
    List<String> authorization = request.headers().getOrDefault("Authorization", List.of());
    return authorization.isEmpty()
        ? Decision.Denied.missingAuthenticationToken()
        : cognito
            .issuedCredentials(authorization.get(0))
            .<Decision>map(Decision.Allowed::new)
            .orElse(new Decision.Denied(403, "AccessDeniedException", "Unknown key"));
  }

  private HttpResponse<String> signedGet(String path) {
    return Http.send(
        Http.request(api.baseUri().resolve(path))
            .header("Authorization", credentials.accessKeyId())
            .GET()
            .build());
  }

  @Test
  void byDefaultIamRoutesRefuseEveryoneWithMissingAuthenticationToken() {
    api =
        ApiGatewayMock.restApi()
            .route("GET", "/private", echoFunction, Authorization.AWS_IAM)
            .start();

    HttpResponse<String> response = signedGet("private");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("MissingAuthenticationTokenException");
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void deniedRequestsNeverReachTheFunction() {
    api =
        ApiGatewayMock.restApi()
            .iamAuthorizer(this::byAccessKey)
            .route("GET", "/private", echoFunction, Authorization.AWS_IAM)
            .start();

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("private"))
                .header("Authorization", "ASIANOTISSUED0000000")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unknown key\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    assertThat(echo.invocations).hasValue(0);
  }

  @Test
  void restIdentityIsTheCognitoCaller() {
    api =
        ApiGatewayMock.restApi()
            .iamAuthorizer(this::byAccessKey)
            .route("GET", "/private/{id}", echoFunction, Authorization.AWS_IAM)
            .route("GET", "/open", echoFunction)
            .start();

    HttpResponse<String> response = signedGet("private/1?q=a%2Fb");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).method()).isEqualTo("GET");
    assertThat(seen.get(0).rawPath()).isEqualTo("/dev/private/1");
    assertThat(seen.get(0).rawQuery()).isEqualTo("q=a%2Fb");
    JsonNode identity = Http.echoedEvent(response).get("requestContext").get("identity");
    String roleName = credentials.roleArn().substring(credentials.roleArn().lastIndexOf('/') + 1);
    assertThat(identity.get("cognitoIdentityPoolId").asText())
        .isEqualTo(cognito.defaultIdentityPoolId());
    assertThat(identity.get("cognitoIdentityId").asText()).isEqualTo(credentials.identityId());
    assertThat(identity.get("cognitoAuthenticationType").asText()).isEqualTo("unauthenticated");
    assertThat(identity.get("cognitoAuthenticationProvider").isNull()).isTrue();
    assertThat(identity.get("accountId").asText()).isEqualTo("123456789012");
    assertThat(identity.get("accessKey").asText()).isEqualTo(credentials.accessKeyId());
    assertThat(identity.get("caller").asText())
        .matches("AROA[A-Z2-7]{17}:CognitoIdentityCredentials");
    assertThat(identity.get("user").asText()).isEqualTo(identity.get("caller").asText());
    assertThat(identity.get("userArn").asText())
        .isEqualTo(
            "arn:aws:sts::123456789012:assumed-role/" + roleName + "/CognitoIdentityCredentials");
    assertThat(identity.get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(identity.get("userAgent").asText()).isEqualTo(Http.USER_AGENT);
    // API Gateway invokes with its own credentials: Lambda's context.identity stays empty.
    assertThat(response.body()).endsWith("\nno identity");

    HttpResponse<String> open = Http.get(api.baseUri().resolve("open"));
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(seen).hasSize(1);
  }

  @Test
  void httpApiAuthorizerIamIsTheCognitoCaller() {
    api =
        ApiGatewayMock.httpApi()
            .iamAuthorizer(this::byAccessKey)
            .route("POST", "/private", echoFunction, Authorization.AWS_IAM)
            .start();

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("private"))
                .header("Authorization", credentials.accessKeyId())
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(seen.get(0).body())).isEqualTo("{\"a\":1}");
    JsonNode iam = Http.echoedEvent(response).get("requestContext").get("authorizer").get("iam");
    assertThat(iam.get("accessKey").asText()).isEqualTo(credentials.accessKeyId());
    assertThat(iam.get("accountId").asText()).isEqualTo("123456789012");
    assertThat(iam.get("callerId").asText()).matches("AROA[A-Z2-7]{17}:CognitoIdentityCredentials");
    assertThat(iam.get("userId").asText()).isEqualTo(iam.get("callerId").asText());
    assertThat(iam.get("userArn").asText()).isEqualTo(credentials.assumedRoleArn());
    assertThat(iam.get("principalOrgId").isNull()).isTrue();
    assertThat(iam.get("cognitoIdentity").toString())
        .isEqualTo(
            "{\"amr\":[\"unauthenticated\"],\"identityId\":\""
                + credentials.identityId()
                + "\",\"identityPoolId\":\""
                + credentials.identityPoolId()
                + "\"}");
  }
}
