package example;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.junit.ApiFunction;
import dev.lambdalocal.junit.ApiPlaceholder;
import dev.lambdalocal.junit.IntegrationHost;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.WithApiGateway;
import dev.lambdalocal.junit.WithCognitoMock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The members API of {@code api/members-2015.yaml}, an old Swagger file served unchanged: Lambda
 * integrations with mapping templates and selection patterns, IAM-authorized with a Cognito
 * identity's signatures, and an HTTP integration whose host is a WireMock stub on this machine.
 */
@WithCognitoMock
@LambdaTest(timeout = "10s")
@WithApiGateway(
    definition = "api/members-2015.yaml",
    functions = @ApiFunction(name = "MembersFunc", handler = MembersFunc.class),
    placeholders = @ApiPlaceholder(name = "ORCH_CREDS", value = "Basic ZXhhbXBsZTpzZWNyZXQ="),
    integrationHosts = @IntegrationHost(host = "orchestrator.example.com", port = 18089))
class MembersApiTests {

  private static final WireMockServer ORCHESTRATOR =
      new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(18089));

  @BeforeAll
  static void startTheOrchestratorStub() {
    ORCHESTRATOR.start();
  }

  @AfterAll
  static void stopTheOrchestratorStub() {
    ORCHESTRATOR.stop();
  }

  @Test
  void theResponseTemplateShapesTheFunctionsResult(ApiClient api) {
    ApiResponse response = api.get("/orgs/acme/members");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText())
        .isEqualTo("{\"org\": \"acme\", \"names\": [\"ada (admin)\", \"grace\"]}\n");
  }

  @Test
  void theRequestTemplateGivesTheFunctionTheCaller(ApiClient api) {
    ApiResponse response = api.post("/orgs/acme/members", "{\"username\": \"lin\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.header("Location")).hasValue("/members");
    assertThat(response.bodyText())
        .isEqualTo(
            "{\"org\":\"acme\",\"added\":\"lin\",\"by\":\"" + api.identity().identityId() + "\"}");
  }

  @Test
  void selectionPatternsTurnErrorsIntoStatusCodes(ApiClient api) {
    ApiResponse taken = api.post("/orgs/acme/members", "{\"username\": \"ada\"}");
    ApiResponse tooShort = api.post("/orgs/acme/members", "{\"username\": \"li\"}");

    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.bodyText()).isEqualTo("{\"message\": \"user_already_exists\"}");
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.bodyText())
        .isEqualTo("{\"message\": \"invalid username\", \"reason\": \"bad_length\"}");
  }

  @Test
  void aBodyOfAnotherContentTypeIsRefused(ApiClient api) {
    ApiResponse response =
        api.request("POST", "/orgs/acme/members")
            .contentType("text/plain")
            .body("lin".getBytes(StandardCharsets.UTF_8))
            .send();

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
  }

  @Test
  void theHttpIntegrationCallsTheLocalStub(ApiClient api) {
    ORCHESTRATOR.stubFor(
        get("/v1/jobs/42")
            .withHeader("Authorization", equalTo("Basic ZXhhbXBsZTpzZWNyZXQ="))
            .willReturn(okJson("{\"id\": \"42\", \"done\": true}")));
    ORCHESTRATOR.stubFor(get("/v1/jobs/7").willReturn(notFound()));
    ORCHESTRATOR.stubFor(get("/v1/jobs/13").willReturn(serverError()));

    assertThat(api.get("/jobs/42").bodyText()).isEqualTo("{\"job\": \"42\", \"done\": true}");
    assertThat(api.get("/jobs/7").statusCode()).isEqualTo(404);
    ApiResponse failed = api.get("/jobs/13");
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(failed.bodyText()).isEqualTo("{\"message\": \"the orchestrator failed\"}");
  }
}
