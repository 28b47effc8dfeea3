package dev.lambdalocal.apigateway;

import static dev.lambdalocal.apigateway.RestApiTests.function;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.apigateway.IamAuthorizer.Decision;
import dev.lambdalocal.core.LocalLambda;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes from Swagger 2.0 and OpenAPI 3 files, exercised with real HTTP over loopback. */
class DefinitionFileTests {

  private final Handlers.EventEcho pets = new Handlers.EventEcho();
  private final Handlers.EventEcho files = new Handlers.EventEcho();
  private final LocalLambda petsFunction = function(pets);
  private final LocalLambda filesFunction = function(files);
  private final Map<String, LocalLambda> functions =
      Map.of("PetsFunc", petsFunction, "FilesFunc", filesFunction);
  private final List<String> askedForIam = new CopyOnWriteArrayList<>();
  private final IamAuthorizer recordingDenial =
      request -> {
        askedForIam.add(request.method() + " " + request.rawPath());
        return Decision.Denied.missingAuthenticationToken();
      };
  private ApiGatewayMock api;

  static Path resource(String name) {
    try {
      return Path.of(DefinitionFileTests.class.getResource("/apigateway/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
    petsFunction.close();
    filesFunction.close();
  }

  @Test
  void swaggerTwoYamlBecomesARestApi() {
    api =
        ApiGatewayMock.restApi()
            .definition(resource("pets-swagger2.yaml"), functions)
            .iamAuthorizer(recordingDenial)
            .start();

    HttpResponse<String> open = Http.get(api.baseUri().resolve("pets/42"));
    assertThat(open.statusCode()).isEqualTo(200);
    JsonNode event = Http.echoedEvent(open);
    assertThat(event.get("resource").asText()).isEqualTo("/pets/{id}");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("42");
    assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/dev/pets/42");

    // basePath is ignored, as API Gateway's import does by default.
    assertThat(Http.get(api.baseUri().resolve("v1/pets/42")).statusCode()).isEqualTo(403);
    assertThat(pets.invocations).hasValue(1);
  }

  @Test
  void swaggerTwoSigV4SecurityMakesAnIamRoute() {
    api =
        ApiGatewayMock.restApi()
            .definition(resource("pets-swagger2.yaml"), functions)
            .iamAuthorizer(recordingDenial)
            .start();

    HttpResponse<String> unsigned =
        Http.send(
            Http.request(api.baseUri().resolve("private"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(unsigned.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("MissingAuthenticationTokenException");
    assertThat(askedForIam).containsExactly("POST /dev/private");
    assertThat(pets.invocations).hasValue(0);
  }

  @Test
  void swaggerTwoAnyMethodOnAGreedyPathTakesEveryMethod() {
    api = ApiGatewayMock.restApi().definition(resource("pets-swagger2.yaml"), functions).start();

    HttpResponse<String> response =
        Http.send(
            Http.request(api.baseUri().resolve("files/a/b/c.png"))
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = Http.echoedEvent(response);
    assertThat(event.get("httpMethod").asText()).isEqualTo("PUT");
    assertThat(event.get("resource").asText()).isEqualTo("/files/{proxy+}");
    assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("a/b/c.png");
    // x-amazon-apigateway-binary-media-types: image/png
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(event.get("body").asText()).isEqualTo("AQID");
    assertThat(files.invocations).hasValue(1);
  }

  @Test
  void openApiThreeJsonBecomesAnHttpApi() {
    api =
        ApiGatewayMock.httpApi()
            .definition(
                resource("pets-openapi3.json"), name -> Optional.ofNullable(functions.get(name)))
            .iamAuthorizer(recordingDenial)
            .start();

    // security: [] overrides the document's sigv4 requirement.
    HttpResponse<String> open = Http.get(api.baseUri().resolve("pets/7"));
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(Http.echoedEvent(open).get("routeKey").asText()).isEqualTo("GET /pets/{id}");

    // The document's security applies; the uri is the function's ARN, as HTTP APIs allow.
    HttpResponse<String> unsigned =
        Http.send(
            Http.request(api.baseUri().resolve("private"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

    // x-amazon-apigateway-auth wins over security.
    assertThat(Http.get(api.baseUri().resolve("legacy")).statusCode()).isEqualTo(403);
    assertThat(askedForIam).containsExactly("POST /private", "GET /legacy");
    assertThat(pets.invocations).hasValue(1);

    HttpResponse<String> any =
        Http.send(Http.request(api.baseUri().resolve("x/y")).DELETE().build());
    assertThat(any.statusCode()).isEqualTo(200);
    JsonNode event = Http.echoedEvent(any);
    assertThat(event.get("routeKey").asText()).isEqualTo("ANY /{proxy+}");
    assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("x/y");
    assertThat(files.invocations).hasValue(1);
  }

  @Test
  void theExamplesSwaggerFileServesItsIamRoute() {
    Path file = Path.of("..", "examples", "api", "swagger.yaml");
    api =
        ApiGatewayMock.restApi()
            .definition(file, Map.of("WhoAmIApiFunc", petsFunction))
            .iamAuthorizer(recordingDenial)
            .start();

    assertThat(Http.get(api.baseUri().resolve("whoami")).statusCode()).isEqualTo(403);
    assertThat(askedForIam).containsExactly("GET /dev/whoami");
  }

  @Test
  void fileRoutesAndCodeRoutesShareTheApi() {
    Handlers.EventEcho extraEcho = new Handlers.EventEcho();
    try (LocalLambda extra = function(extraEcho)) {
      api =
          ApiGatewayMock.restApi()
              .definition(resource("pets-swagger2.yaml"), functions)
              .route("GET", "/extra", extra)
              .start();

      assertThat(Http.get(api.baseUri().resolve("extra")).statusCode()).isEqualTo(200);
      assertThat(Http.get(api.baseUri().resolve("pets/1")).statusCode()).isEqualTo(200);
      assertThat(extraEcho.invocations).hasValue(1);
      assertThat(pets.invocations).hasValue(1);
    }
  }
}
