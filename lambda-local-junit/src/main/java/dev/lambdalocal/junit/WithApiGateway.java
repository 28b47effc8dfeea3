package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Serve an API Gateway API defined in a Swagger 2.0 or OpenAPI 3 file — lambda-local-cognito-mock's
 * {@code ApiGatewayMock}, on a loopback port in this JVM — for the tests of this class, its
 * integrations invoking the {@link ApiFunction functions} the file names, and inject a client that
 * calls it as a Cognito identity.
 *
 * <p>Needs {@link WithCognitoMock @WithCognitoMock} on the class (or an enclosing class): the API's
 * {@code AWS_IAM} routes accept the Signature Version 4 signatures made with credentials that mock
 * issued, as API Gateway's IAM authorization accepts those of a Cognito identity pool, and the
 * client signs in through it. A class without it fails with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} that says so — no mock is
 * started behind the test's back. Test methods, constructors and lifecycle methods may declare
 * parameters of these types:
 *
 * <ul>
 *   <li>{@code dev.lambdalocal.apigateway.ApiClient} — a client of the API's stage (its base URI,
 *       the mock's identity pool, region and endpoint) that signs every request with the
 *       credentials of a Cognito identity of its own, got on its first request; one per class,
 *       closed by the engine;
 *   <li>{@link java.net.URI} annotated with {@link ApiBaseUri @ApiBaseUri} — the stage's invoke
 *       URL, {@code http://127.0.0.1:<port>/<stage>/}, for other clients;
 *   <li>{@code dev.lambdalocal.apigateway.ApiGatewayMock} — the API itself (its id, stage, port).
 * </ul>
 *
 * <pre>{@code
 * @WithCognitoMock
 * @WithApiGateway(
 *     definition = "api/swagger.yaml",
 *     functions = @ApiFunction(name = "WhoAmIFunc", handler = WhoAmIApiFunc.class))
 * class WhoAmIApiTests {
 *   @Test
 *   void answersWithTheCaller(ApiClient client) {
 *     ApiResponse response = client.get("/whoami");
 *   }
 * }
 * }</pre>
 *
 * <p>Each function is a {@code LocalLambda} built as {@link LambdaTest @LambdaTest} builds the
 * class's function — its timeout, memory size, region, environment and the configuration parameters
 * apply — with the handler and function name of its {@code @ApiFunction}. The API, its functions
 * and its client are started before the class's first test and closed when the class ends. The
 * API's region and account are the Cognito mock's. A {@code @Nested} class shares its enclosing
 * class's API unless it has its own annotation.
 *
 * <p>The annotation is {@link Inherited} and may be used as a meta-annotation.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({ApiGatewayExtension.class, ApiGatewayParameterResolver.class})
public @interface WithApiGateway {

  /**
   * Return the API's definition: a Swagger 2.0 or OpenAPI 3.0 file, YAML or JSON, with API
   * Gateway's {@code x-amazon-apigateway-integration} on each operation ({@code aws_proxy}, or
   * {@code aws} with mapping templates, {@code http}, {@code http_proxy}, {@code mock}), read as
   * API Gateway imports it (see {@code docs/api-gateway.md}).
   *
   * @return the file's path, relative to the working directory (the project's, under Maven and
   *     Gradle) or absolute, e.g. {@code api/swagger.yaml}
   * @since 0.1.0
   */
  String definition();

  /**
   * Return the functions that the definition's integrations name (their {@code uri}s' {@code
   * …:function:NAME/invocations}). Every function the definition names must be here.
   *
   * @return the functions
   * @since 0.1.0
   */
  ApiFunction[] functions() default {};

  /**
   * Return the values of the definition's {@code %NAME%} placeholders ({@code %AWS_ACCOUNT%} is the
   * Cognito mock's account unless given).
   *
   * @return the placeholders
   * @since 0.1.0
   */
  ApiPlaceholder[] placeholders() default {};

  /**
   * Return the loopback ports that serve the hosts of the definition's HTTP integrations.
   *
   * @return the mappings; an HTTP integration on an unmapped, non-loopback host fails the class
   * @since 0.1.0
   */
  IntegrationHost[] integrationHosts() default {};

  /**
   * Return the kind of API.
   *
   * @return {@link ApiType#REST} (payload 1.0) by default
   * @since 0.1.0
   */
  ApiType type() default ApiType.REST;

  /**
   * Return the stage, the first segment of every path.
   *
   * @return the stage name; empty for {@code dev} (REST) or {@code $default}, no prefix (HTTP API)
   * @since 0.1.0
   */
  String stage() default "";

  /**
   * The kinds of API Gateway API whose Lambda proxy integrations the mock serves.
   *
   * @since 0.1.0
   */
  enum ApiType {
    /** A REST API: payload format 1.0, {@code APIGatewayProxyRequestEvent}. */
    REST,
    /** An HTTP API: payload format 2.0, {@code APIGatewayV2HTTPEvent}. */
    HTTP
  }
}
