package dev.lambdalocal.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-proxy integrations a user gets wrong — placeholders, hosts, templates — each named with the
 * file, the operation and the place; and the timeouts of a Lambda integration.
 */
class NonProxyDefinitionTests {

  private static final String URI_OF_FUNC =
      "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
          + "arn:aws:lambda:us-east-1:%AWS_ACCOUNT%:function:Func/invocations";

  @TempDir Path directory;

  private final Handlers.Blocking blocking = new Handlers.Blocking();
  private final LocalLambda function =
      LocalLambda.builder()
          .handlerInstance(blocking)
          .timeout(Duration.ofSeconds(1))
          .quiet(true)
          .build();
  private ApiGatewayMock api;

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
    function.close();
  }

  private Path operation(String integration) throws IOException {
    return Files.writeString(
        directory.resolve("api.yaml"),
        """
        swagger: "2.0"
        info: {title: t, version: "1"}
        paths:
          /jobs/{id}:
            get:
              x-amazon-apigateway-integration:
        """
            + integration.indent(8));
  }

  @Test
  void anUndefinedPlaceholderIsNamedWithItsOperation() throws IOException {
    Path file =
        operation(
            "type: http\nhttpMethod: GET\nuri: https://orch.example.com/jobs\n"
                + "requestParameters:\n  integration.request.header.Authorization: \"'%ORCH_CREDS%'\"\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": GET /jobs/{id}: placeholder %ORCH_CREDS% is not defined (define it: serve"
                + " --define ORCH_CREDS=…, @WithApiGateway(placeholders = @ApiPlaceholder(name ="
                + " \"ORCH_CREDS\", value = …)) or ApiGatewayMock.Builder.define)");
  }

  @Test
  void theAccountPlaceholderIsTheApisAccountUnlessDefined() throws IOException {
    Path file = operation("type: aws\nhttpMethod: POST\nuri: " + URI_OF_FUNC + "\n");

    assertThat(
            ApiGatewayMock.restApi()
                .accountId("210987654321")
                .definition(file, Map.of("Func", function)))
        .isNotNull();
    assertThatThrownBy(
            () ->
                ApiGatewayMock.restApi()
                    .define("AWS_ACCOUNT", "not-an-account")
                    .definition(file, Map.of("Func", function)))
        .hasMessageContaining("arn:aws:lambda:us-east-1:not-an-account:function:Func");
  }

  @Test
  void anUnmappedHostIsRefusedWithItsOperation() throws IOException {
    Path file =
        operation("type: http_proxy\nhttpMethod: ANY\nuri: https://orch.example.com/jobs/{id}\n");
    ApiGatewayMock.Builder builder = ApiGatewayMock.restApi().definition(file, Map.of());

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "GET /jobs/{id}: the http_proxy integration's host orch.example.com is not mapped to a"
                + " local endpoint, and ApiGatewayMock never calls out of this machine");
  }

  @Test
  void aHostCanOnlyBeMappedToLoopback() {
    assertThatThrownBy(
            () ->
                ApiGatewayMock.restApi()
                    .integrationHost("orch.example.com", URI.create("https://example.org")))
        .hasMessage(
            "integration host orch.example.com: https://example.org is not an http(s) endpoint on"
                + " loopback (127.0.0.1, localhost, [::1])");
  }

  @Test
  void aTemplateThatDoesNotParseNamesOperationContentTypeLineAndColumn() throws IOException {
    Path file =
        operation(
            "type: aws\nhttpMethod: POST\nuri: "
                + URI_OF_FUNC
                + "\n"
                + "requestTemplates:\n  application/json: |\n    {\n      \"id\": #if(\n    }\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, Map.of("Func", function)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            file + ": GET /jobs/{id}: request template application/json: line 3, column ")
        .hasMessageContaining("the template does not parse: Encountered");
  }

  @Test
  void aFunctionTimeoutIsALambdaErrorTheSelectionPatternsSee() throws IOException {
    // Lambda's own timeout fails the invocation with "Task timed out after 1.00 seconds"; API
    // Gateway matches that errorMessage like any other.
    Path file =
        operation(
            "type: aws\nhttpMethod: POST\nuri: "
                + URI_OF_FUNC
                + "\n"
                + "responses:\n  default:\n    statusCode: \"200\"\n"
                + "  '.*Task timed out.*':\n    statusCode: \"504\"\n"
                + "    responseTemplates:\n      application/json: '{\"timedOut\": true}'\n");
    api = ApiGatewayMock.restApi().definition(file, Map.of("Func", function)).start();

    HttpResponse<String> response = Http.get(api.baseUri().resolve("jobs/1"));

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("{\"timedOut\": true}");
  }

  @Test
  void theIntegrationTimeoutIsApiGatewaysAnswer() throws IOException {
    Path file =
        operation(
            "type: aws\nhttpMethod: POST\nuri: "
                + URI_OF_FUNC
                + "\n"
                + "responses:\n  default:\n    statusCode: \"200\"\n");
    api =
        ApiGatewayMock.restApi()
            .integrationTimeout(Duration.ofMillis(300))
            .definition(file, Map.of("Func", function))
            .start();

    HttpResponse<String> response = Http.get(api.baseUri().resolve("jobs/1"));

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InternalServerErrorException");
    assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
  }
}
