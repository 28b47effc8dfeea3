package dev.lambdalocal.apigateway;

import dev.lambdalocal.apigateway.internal.ApiGatewayMockSettings;
import dev.lambdalocal.apigateway.internal.ApiServer;
import dev.lambdalocal.apigateway.internal.ApiSettings;
import dev.lambdalocal.apigateway.internal.RouteTable;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An offline Amazon API Gateway on a loopback port, in this JVM: a REST API (Lambda proxy
 * integration, payload format 1.0) or an HTTP API (payload format 2.0) whose routes invoke {@link
 * LocalLambda} functions in-process, with the events, responses and error answers of API Gateway.
 *
 * <pre>{@code
 * try (LocalLambda hello = LocalLambda.builder().handler("example.Hello").build();
 *     ApiGatewayMock api =
 *         ApiGatewayMock.restApi().stage("dev").route("GET", "/hello/{name}", hello).start()) {
 *   URI uri = api.baseUri().resolve("dev/hello/Ada"); // http://127.0.0.1:<port>/dev/hello/Ada
 * }
 * }</pre>
 *
 * <p>The mock serves on its own port; the functions stay owned (and closed) by the caller.
 *
 * @since 0.1.0
 */
public final class ApiGatewayMock implements AutoCloseable {

  /** REST API's default integration timeout. */
  public static final Duration REST_DEFAULT_TIMEOUT = Duration.ofSeconds(29);

  /** HTTP API's default (and maximum) integration timeout. */
  public static final Duration HTTP_DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern METHOD = Pattern.compile("[A-Z]+");

  private final ApiSettings settings;
  private final ApiServer server;

  private ApiGatewayMock(ApiSettings settings, int port) {
    this.settings = settings;
    this.server = new ApiServer(port, settings);
  }

  /**
   * Start configuring a REST API (payload 1.0, {@code APIGatewayProxyRequestEvent}); its stage is
   * {@code dev} unless set.
   *
   * @return a new builder
   */
  public static Builder restApi() {
    return new Builder(ApiType.REST);
  }

  /**
   * Start configuring an HTTP API (payload 2.0, {@code APIGatewayV2HTTPEvent}); its stage is {@code
   * $default} (no path prefix) unless set.
   *
   * @return a new builder
   */
  public static Builder httpApi() {
    return new Builder(ApiType.HTTP);
  }

  /**
   * Return the server's root, without the stage: {@code http://127.0.0.1:<port>/}.
   *
   * @return the root URI
   */
  public URI endpoint() {
    return server.endpoint();
  }

  /**
   * Return the invoke URL of the stage, as the console shows it: {@code
   * http://127.0.0.1:<port>/<stage>/}, or the root for HTTP API's {@code $default} stage.
   *
   * @return the base URI of the API's paths, ending in {@code /}
   */
  public URI baseUri() {
    String prefix = settings.stagePrefix();
    return prefix.isEmpty() ? endpoint() : endpoint().resolve(prefix.substring(1) + "/");
  }

  /** Return the loopback port. */
  public int port() {
    return server.port();
  }

  /** Return the API id, 10 lower-case letters and digits, as in {@code requestContext.apiId}. */
  public String apiId() {
    return settings.apiId();
  }

  /** Return the stage name, e.g. {@code dev} or {@code $default}. */
  public String stage() {
    return settings.stage();
  }

  /** Return the kind of API. */
  public ApiType type() {
    return settings.type();
  }

  /** Stop the server; the functions are left open. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * The two kinds of API Gateway API that integrate with Lambda through a proxy integration.
   *
   * @since 0.1.0
   */
  public enum ApiType {
    /**
     * REST API: payload format 1.0, unknown routes answered with 403 Missing Authentication Token.
     */
    REST,
    /** HTTP API: payload format 2.0, unknown routes answered with 404 Not Found. */
    HTTP
  }

  /**
   * A route's authorization type.
   *
   * @since 0.1.0
   */
  public enum Authorization {
    /** Open: no authorization. */
    NONE,
    /** IAM: requests must pass the {@link IamAuthorizer} (SigV4). */
    AWS_IAM
  }

  /**
   * One route: an HTTP method (or {@code ANY}) and a path template on a function.
   *
   * @param method the method in upper case, or {@code ANY}
   * @param path the path template, e.g. {@code /pets/{petId}} or {@code /{proxy+}}
   * @param function the function the proxy integration invokes
   * @param authorization the route's authorization type
   * @since 0.1.0
   */
  public record Route(
      String method, String path, LocalLambda function, Authorization authorization) {

    /**
     * Create a route.
     *
     * @throws IllegalArgumentException naming the method or path that API Gateway would refuse
     */
    public Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(authorization, "authorization");
      method = method.toUpperCase(Locale.ROOT);
      if (!METHOD.matcher(method).matches()) {
        throw new IllegalArgumentException("route method is not an HTTP method: " + method);
      }
      RouteTable.validateTemplate(path);
    }
  }

  /**
   * Configures and starts an {@link ApiGatewayMock}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final ApiGatewayMockSettings settings;

    private Builder(ApiType type) {
      this.settings = new ApiGatewayMockSettings(this, type);
    }

    /** Listen on {@code port}; 0 (the default) takes a free one. */
    public Builder port(int port) {
      return settings.port(port);
    }

    /** Name the stage, the first path segment of every URL ({@code $default}: none). */
    public Builder stage(String stage) {
      return settings.stage(stage);
    }

    /** Set the region of {@code domainName} (default {@value CognitoMock#DEFAULT_REGION}). */
    public Builder region(String region) {
      return settings.region(region);
    }

    /** Set {@code requestContext.accountId} (default {@value CognitoMock#DEFAULT_ACCOUNT_ID}). */
    public Builder accountId(String accountId) {
      return settings.accountId(accountId);
    }

    /** Fix the API id (default: 10 random lower-case letters and digits). */
    public Builder apiId(String apiId) {
      return settings.apiId(apiId);
    }

    /**
     * Answer 504 (REST) or 503 (HTTP API) when a function takes longer than {@code timeout}
     * (default {@link #REST_DEFAULT_TIMEOUT} or {@link #HTTP_DEFAULT_TIMEOUT}); the function keeps
     * running until its own timeout, as in AWS.
     */
    public Builder integrationTimeout(Duration timeout) {
      return settings.integrationTimeout(timeout);
    }

    /**
     * Add a REST API binary media type (e.g. {@code image/png} or {@code *}/{@code *}): request
     * bodies of that content type reach the function base64-encoded. HTTP APIs need none: they
     * encode every body whose content type is not text.
     */
    public Builder binaryMediaType(String mediaType) {
      return settings.binaryMediaType(mediaType);
    }

    /**
     * Decide {@code AWS_IAM} routes with {@code authorizer} (default {@link
     * IamAuthorizer#denyAll()}).
     */
    public Builder iamAuthorizer(IamAuthorizer authorizer) {
      return settings.iamAuthorizer(authorizer);
    }

    /** Use {@code clock} for {@code requestTimeEpoch} and {@code timeEpoch} (default: system). */
    public Builder clock(Clock clock) {
      return settings.clock(clock);
    }

    /** Add an open route ({@code method} may be {@code ANY}). */
    public Builder route(String method, String path, LocalLambda function) {
      return route(new Route(method, path, function, Authorization.NONE));
    }

    /** Add a route with an authorization type. */
    public Builder route(
        String method, String path, LocalLambda function, Authorization authorization) {
      return route(new Route(method, path, function, authorization));
    }

    /** Add a route. */
    public Builder route(Route route) {
      return settings.route(route);
    }

    /**
     * Define the placeholder {@code %NAME%} of the definition files read after this call: every
     * {@code %NAME%} in an operation's {@code x-amazon-apigateway-integration} (its {@code uri},
     * request parameters, templates…) becomes {@code value}, as the 2015 importer's users replaced
     * them before importing. {@code %AWS_ACCOUNT%} is the API's {@link #accountId(String) account}
     * unless defined.
     *
     * @param name upper-case letters, digits and underscores, e.g. {@code ORCH_CREDS}
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException when {@code name} is not such a name
     * @throws IllegalStateException when a definition file was already read
     * @since 0.1.0
     */
    public Builder define(String name, String value) {
      return settings.define(name, value);
    }

    /**
     * Send the requests of HTTP integrations ({@code http}, {@code http_proxy}) whose URI names
     * {@code host} to {@code endpoint} instead — a WireMock stub of the test, say: the path and
     * query are kept, scheme, host and port are {@code endpoint}'s. The mock never calls out of
     * this machine: {@link #start()} refuses an HTTP integration whose host is neither mapped nor
     * loopback.
     *
     * @param host the host in the integration's {@code uri}, e.g. {@code api.example.com}
     * @param endpoint a local endpoint, e.g. {@code http://127.0.0.1:8089}
     * @return this builder
     * @throws IllegalArgumentException when {@code endpoint} is not an http(s) URI on loopback
     * @since 0.1.0
     */
    public Builder integrationHost(String host, URI endpoint) {
      return settings.integrationHost(host, endpoint);
    }

    /**
     * Add the routes of a Swagger 2.0 or OpenAPI 3.0 definition file, YAML or JSON, as API Gateway
     * imports it: one route per operation ({@code x-amazon-apigateway-any-method} is {@code ANY}),
     * each a Lambda proxy integration ({@code x-amazon-apigateway-integration} of type {@code
     * aws_proxy}) on the function its {@code uri} names — or, for a REST API, a Lambda integration
     * with mapping templates ({@code aws}), an {@code http}, {@code http_proxy} or {@code mock}
     * integration, its {@code %NAME%} placeholders replaced (see {@link #define(String, String)},
     * {@link #integrationHost(String, URI)}); {@code AWS_IAM} when the operation's (or the
     * document's) {@code security} names an {@code x-amazon-apigateway-authtype: awsSigv4} scheme,
     * or its {@code x-amazon-apigateway-auth} type is {@code AWS_IAM}. {@code basePath} and {@code
     * servers} are ignored; REST APIs take the file's {@code
     * x-amazon-apigateway-binary-media-types}. See {@code docs/api-gateway.md}.
     *
     * @param file the definition file
     * @param functionsByName the functions by the names the integrations' {@code uri}s give them
     * @return this builder
     * @throws IllegalArgumentException naming the file: every function it names that is not
     *     provided, the line and column of a syntax error, or the method and path of an operation
     *     that cannot be emulated
     * @since 0.1.0
     */
    public Builder definition(Path file, Map<String, LocalLambda> functionsByName) {
      Map<String, LocalLambda> functions = Map.copyOf(functionsByName);
      return definition(file, name -> Optional.ofNullable(functions.get(name)));
    }

    /**
     * Add the routes of a Swagger 2.0 or OpenAPI 3.0 definition file, finding each function with
     * {@code functions}; see {@link #definition(Path, Map)}.
     *
     * @param file the definition file
     * @param functions finds the function an integration's {@code uri} names
     * @return this builder
     * @throws IllegalArgumentException as {@link #definition(Path, Map)}
     * @since 0.1.0
     */
    public Builder definition(Path file, FunctionResolver functions) {
      return settings.definition(file, functions);
    }

    /**
     * Start the API.
     *
     * @return the running mock; close it to stop it
     * @throws IllegalArgumentException naming a route given twice, or the operation and the host of
     *     an HTTP integration that is neither mapped to a local endpoint nor on loopback
     * @throws IllegalStateException when the port cannot be bound
     */
    public ApiGatewayMock start() {
      return new ApiGatewayMock(settings.resolve(), settings.port());
    }
  }
}
