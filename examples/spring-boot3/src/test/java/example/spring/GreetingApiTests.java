package example.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiResponse;
import dev.lambdalocal.junit.ApiBaseUri;
import dev.lambdalocal.junit.ApiFunction;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.WithApiGateway;
import dev.lambdalocal.junit.WithCognitoMock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * A Spring Boot 3 application and lambda-local in one JVM, on one test class path: Spring's web
 * server (Jetty 12) on a random port, and the offline Cognito and API Gateway (WireMock's Jetty,
 * shaded inside lambda-local-cognito-mock) on theirs, all answering real HTTP requests; the Jackson
 * and Jetty in use are the versions Spring Boot manages (the build passes them in as {@code
 * expected.jackson.version} and {@code expected.jetty.version}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithCognitoMock
@LambdaTest(timeout = "10s")
@WithApiGateway(
    definition = "api/openapi.yaml",
    functions = @ApiFunction(name = "GreetingFunc", handler = GreetingFunc.class))
class GreetingApiTests {

  @LocalServerPort int springPort;

  @Autowired ServletWebServerApplicationContext spring;

  @Autowired ObjectMapper springMapper;

  @Test
  void springsServerAndTheOfflineApiBothAnswer(ApiClient api)
      throws IOException, InterruptedException {
    HttpResponse<String> fromSpring =
        send(URI.create("http://127.0.0.1:" + springPort + "/greeting?name=Ada"));

    assertThat(fromSpring.statusCode()).isEqualTo(200);
    assertThat(fromSpring.body()).isEqualTo("{\"message\":\"Hello, Ada\"}");

    ApiResponse fromLambda = api.get("/greeting", Map.of("name", List.of("Ada")));

    assertThat(fromLambda.statusCode()).isEqualTo(200);
    assertThat(fromLambda.header("Content-Type")).hasValue("application/json");
    assertThat(fromLambda.bodyText())
        .isEqualTo(
            "{\"message\":\"Hello, Ada\",\"caller\":\"" + api.identity().identityId() + "\"}");
  }

  @Test
  void anUnsignedRequestIsRefusedByTheOfflineApiGateway(@ApiBaseUri URI api)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(api.resolve("greeting?name=Ada"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void springServesOnTheJettyItManages() {
    assertThat(spring.getWebServer()).isInstanceOf(JettyWebServer.class);
    assertThat(Jetty.VERSION).isEqualTo(System.getProperty("expected.jetty.version"));
    // Jetty 11's servlet package: WireMock's Jetty stays inside lambda-local-cognito-mock.
    assertThatThrownBy(() -> Class.forName("org.eclipse.jetty.servlet.ServletContextHandler"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theJacksonInUseIsTheOneSpringManages() {
    assertThat(springMapper.version().toString())
        .isEqualTo(System.getProperty("expected.jackson.version"));
  }

  private static HttpResponse<String> send(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
