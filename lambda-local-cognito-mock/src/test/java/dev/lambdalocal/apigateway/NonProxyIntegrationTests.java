package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.DefinitionFileTests.resource;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.lambdalocal.apigateway.IamAuthorizer.Decision;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The members API of {@code members-2015.yaml} over real HTTP: the events its request templates
 * render, the responses its selection patterns choose, API Gateway's own answers, and an HTTP
 * integration that reaches a WireMock stub instead of its real host.
 */
class NonProxyIntegrationTests {

  private static final String INTERNAL_SERVER_ERROR = "{\"message\": \"Internal server error\"}";

  private final MembersHandler members = new MembersHandler();
  private final LocalLambda membersFunction = RestApiTests.function(members);
  private final WireMockServer orchestrator =
      new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
  private ApiGatewayMock api;

  @BeforeEach
  void start() {
    orchestrator.start();
    api =
        ApiGatewayMock.restApi()
            .stage("dev")
            .define("ORCH_CREDS", "Basic b3JjaDpzZWNyZXQ=")
            .integrationHost("orch.example.com", URI.create(orchestrator.baseUrl()))
            .iamAuthorizer(request -> new Decision.Allowed("tester"))
            .definition(resource("members-2015.yaml"), Map.of("MembersFunc", membersFunction))
            .start();
  }

  @AfterEach
  void stop() {
    api.close();
    orchestrator.stop();
    membersFunction.close();
  }

  private URI uri(String path) {
    return api.baseUri().resolve(path);
  }

  private static JsonNode json(String text) {
    try {
      return Http.JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(text, e);
    }
  }

  @Test
  void theFunctionReceivesTheRenderedTemplate() {
    HttpResponse<String> response = Http.get(uri("orgs/acme/members?limit=5"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(members.events).hasSize(1);
    assertThat(members.events.get(0))
        .isEqualTo(
            "{\n"
                + "  \"action\": \"list\",\n"
                + "  \"org_id\": \"acme\",\n"
                + "  \"limit\": \"5\",\n"
                + "  \"agent\": \"lambda-local-tests\\/1.0\",\n"
                + "  \"caller\": \"\",\n"
                + "  \"stage\": \"dev\",\n"
                + "  \"resource\": \"/orgs/{org_id}/members\",\n"
                + "  \"method\": \"GET\"\n"
                + "}\n");
  }

  @Test
  void theDefaultResponseMapsTheResultAndItsHeaders() {
    HttpResponse<String> response = Http.get(uri("orgs/acme/members"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Org")).hasValue("static-org");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.body())
        .isEqualTo(
            "{\"members\": [{\"name\": \"Ada\", \"nick\": \"ada\"}, {\"name\": \"Grace\"}],"
                + " \"next\": \"page+2%26more\", \"first\": {\"name\":\"Ada\",\"nick\":\"ada\"}}\n");
  }

  @Test
  void aLambdaErrorIsSelectedByItsWholeMessage() {
    HttpResponse<String> response = Http.get(uri("orgs/boom/members"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\": \"error: nothing here\"}");
  }

  @Test
  void aResponseWithoutTemplatesPassesTheErrorDocumentThrough() {
    HttpResponse<String> response = Http.get(uri("orgs/ghost/members"));

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = json(response.body());
    assertThat(error.path("errorMessage").asText()).isEqualTo("unknown_org");
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void anErrorNoPatternMatchesTakesTheDefaultResponse() {
    // API Gateway's known behaviour: an unmatched Lambda error goes through the default
    // integration response, with its status (200) and template.
    HttpResponse<String> response = Http.get(uri("orgs/odd/members"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"members\": [], \"next\": \"\", \"first\": ");
  }

  @Test
  void noMatchAndNoDefaultIsAConfigurationError() {
    HttpResponse<String> response = Http.get(uri("orgs/acme/strict"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InternalServerErrorException");
    assertThat(response.body()).isEqualTo(INTERNAL_SERVER_ERROR);
    assertThat(members.events).hasSize(1);
  }

  @Test
  void aTemplateThatFailsToRenderIsAConfigurationError() {
    Logger logger = Logger.getLogger("dev.lambdalocal.apigateway.ApiGatewayMock");
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(new SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    HttpResponse<String> response;
    try {
      response = Http.get(uri("orgs/acme/broken"));
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo(INTERNAL_SERVER_ERROR);
    assertThat(members.events).isEmpty();
    assertThat(logged)
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith(
            "GET /orgs/{org_id}/broken: Execution failed due to configuration error: Unable to"
                + " transform request (GET /orgs/{org_id}/broken: request template"
                + " application/json: line 1, column ")
        .contains("filter expressions [?(…)] are not emulated by lambda-local");
  }

  @Test
  void aPassThroughTemplateSendsTheBodyAsItCame() {
    HttpResponse<String> response =
        post("orgs/acme/members", "application/json", "{\"username\":  \"lin\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(members.events).containsExactly("{\"username\":  \"lin\"}");
    assertThat(response.body()).isEqualTo("{\"created\":\"lin\"}");
  }

  @Test
  void passthroughNeverRefusesAnUnmappedContentType() {
    HttpResponse<String> response = post("orgs/acme/members", "text/plain", "lin");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnsupportedMediaTypeException");
    assertThat(response.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    assertThat(members.events).isEmpty();
  }

  @Test
  void alternativesOfOnePatternSelectOneResponse() {
    HttpResponse<String> taken =
        post("orgs/acme/members", "application/json", "{\"username\":\"taken\"}");
    HttpResponse<String> tooShort =
        post("orgs/acme/members", "application/json", "{\"username\":\"x\"}");

    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).isEqualTo("{\"message\": \"user_already_exists\"}");
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.headers().firstValue("X-Error-Type"))
        .hasValue("java.lang.IllegalArgumentException");
  }

  @Test
  void anHttpIntegrationReachesTheMappedLocalEndpoint() {
    orchestrator.stubFor(
        WireMock.get("/v2/jobs/j%2042?verbose=true")
            .withHeader("Authorization", WireMock.equalTo("Basic b3JjaDpzZWNyZXQ="))
            .willReturn(WireMock.okJson("{\"id\":\"j 42\",\"state\":\"running\"}")));

    HttpResponse<String> response = Http.get(uri("orchestrations/j%2042"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"job\": \"j 42\", \"state\": \"running\"}");
  }

  @Test
  void anHttpStatusSelectsTheResponse() {
    orchestrator.stubFor(
        WireMock.get(WireMock.urlPathEqualTo("/v2/jobs/gone")).willReturn(WireMock.notFound()));
    orchestrator.stubFor(
        WireMock.get(WireMock.urlPathEqualTo("/v2/jobs/crash")).willReturn(WireMock.serverError()));

    HttpResponse<String> gone = Http.get(uri("orchestrations/gone"));
    HttpResponse<String> crash = Http.get(uri("orchestrations/crash"));

    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).isEqualTo("{\"message\": \"no such job\"}");
    assertThat(crash.statusCode()).isEqualTo(502);
    assertThat(crash.body()).isEqualTo("{\"message\": \"orchestrator failed\"}");
  }

  @Test
  void aMockIntegrationAnswersFromItsTemplates() {
    HttpResponse<String> response = Http.get(uri("health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\": \"ok\", \"stage\": \"dev\"}");
  }

  private HttpResponse<String> post(String path, String contentType, String body) {
    return Http.send(
        Http.request(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
