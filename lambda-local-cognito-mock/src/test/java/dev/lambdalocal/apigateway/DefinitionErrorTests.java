package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.DefinitionFileTests.resource;
import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when a definition file cannot be served: file, place and problem. */
class DefinitionErrorTests {

  private static final String URI =
      "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
          + "arn:aws:lambda:eu-west-1:123456789012:function:PetsFunc/invocations";

  @TempDir Path directory;

  private final LocalLambda petsFunction = function(new Handlers.EventEcho());
  private final Map<String, LocalLambda> functions = Map.of("PetsFunc", petsFunction);

  @AfterEach
  void close() {
    petsFunction.close();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }

  /**
   * A Swagger 2.0 document with one GET /pets operation whose integration is {@code integration}.
   */
  private Path swagger(String integration) throws IOException {
    return write(
        "api.yaml",
        """
        swagger: "2.0"
        info: {title: t, version: "1"}
        paths:
          /pets:
            get:
              x-amazon-apigateway-integration:
        """
            + integration.indent(8));
  }

  @Test
  void everyMissingFunctionIsNamedAtOnce() {
    Path file = resource("pets-swagger2.yaml");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": functions named in the file but not provided: PetsFunc, FilesFunc");
  }

  @Test
  void malformedYamlNamesLineAndColumn() throws IOException {
    Path file = write("broken.yaml", "swagger: \"2.0\"\npaths:\n  /pets:\n    get: [unclosed\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": line 5, column 1: malformed YAML: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence at line 4, column 10)");
  }

  @Test
  void malformedJsonNamesLineAndColumn() throws IOException {
    Path file = write("broken.json", "{\n  \"openapi\": \"3.0.1\",\n  \"paths\": {,}\n}\n");

    assertThatThrownBy(() -> ApiGatewayMock.httpApi().definition(file, functions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": line 3, column 13: malformed JSON: Unexpected character (',' (code 44)):"
                + " was expecting double-quote to start field name");
  }

  @Test
  void unsupportedIntegrationTypeNamesMethodAndPath() throws IOException {
    Path file = swagger("type: vpc_link\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": GET /pets: integration type 'vpc_link' is not supported: ApiGatewayMock runs"
                + " integrations of type aws_proxy, aws (Lambda), http, http_proxy and mock");
  }

  @Test
  void substitutionsInTheUriAreRefused() throws IOException {
    Path file =
        swagger(
            "type: aws_proxy\nhttpMethod: POST\nuri: "
                + URI.replace("PetsFunc", "${stageVariables.fn}")
                + "\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ": GET /pets: integration uri arn:aws:apigateway:")
        .hasMessageEndingWith(
            " has a ${…} substitution, which ApiGatewayMock does not resolve: name the function"
                + " in full");
  }

  @Test
  void intrinsicFunctionsInTheUriAreRefused() throws IOException {
    Path file = swagger("type: aws_proxy\nhttpMethod: POST\nuri:\n  Fn::Sub: " + URI + "\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .hasMessageStartingWith(
            file + ": GET /pets: integration uri must be a plain string, not {\"Fn::Sub\":");
  }

  @Test
  void aLambdaIntegrationMustBePost() throws IOException {
    Path file = swagger("type: aws_proxy\nhttpMethod: GET\nuri: " + URI + "\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .hasMessage(
            file
                + ": GET /pets: integration httpMethod must be POST to invoke a Lambda function,"
                + " was GET");
  }

  @Test
  void anOperationWithoutIntegrationIsRefused() throws IOException {
    Path file =
        write(
            "api.json",
            "{\"openapi\": \"3.0.1\", \"paths\": {\"/pets\": {\"delete\": {\"responses\": {}}}}}");

    assertThatThrownBy(() -> ApiGatewayMock.httpApi().definition(file, functions))
        .hasMessage(
            file
                + ": DELETE /pets: no x-amazon-apigateway-integration: ApiGatewayMock runs Lambda"
                + " proxy integrations (type aws_proxy)");
  }

  @Test
  void securitySchemesOtherThanSigV4AreRefused() throws IOException {
    Path file =
        write(
            "api.yaml",
            """
            swagger: "2.0"
            securityDefinitions:
              api_key: {type: apiKey, name: x-api-key, in: header}
            security: [{api_key: []}]
            paths:
              /pets:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: %s
            """
                .formatted(URI));

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .hasMessage(
            file
                + ": GET /pets: security scheme 'api_key' is not supported: ApiGatewayMock"
                + " emulates IAM authorization only (type apiKey, name Authorization, in header,"
                + " x-amazon-apigateway-authtype awsSigv4)");
  }

  @Test
  void undefinedSecuritySchemesAreRefused() throws IOException {
    Path file =
        write(
            "api.json",
            ("{\"openapi\": \"3.0.1\", \"paths\": {\"/pets\": {\"get\": {\"security\": [{\"sigv4\": []}],"
                    + " \"x-amazon-apigateway-integration\": {\"type\": \"aws_proxy\", \"uri\": \"%s\"}}}}}")
                .formatted(URI));

    assertThatThrownBy(() -> ApiGatewayMock.httpApi().definition(file, functions))
        .hasMessage(
            file
                + ": GET /pets: security scheme 'sigv4' is not defined in components.securitySchemes");
  }

  @Test
  void aDocumentThatIsNeitherSwaggerNorOpenApiIsRefused() throws IOException {
    Path file = write("api.yaml", "openapi: \"2.0\"\npaths: {}\n");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .hasMessage(
            file
                + ": not a Swagger 2.0 or OpenAPI 3 document: expected swagger: \"2.0\" or"
                + " openapi: \"3.x.y\" at the top level");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = directory.resolve("absent.yaml");

    assertThatThrownBy(() -> ApiGatewayMock.restApi().definition(file, functions))
        .hasMessage("API definition file not found: " + file);
  }
}
