package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiGatewayMock.ApiType;
import dev.lambdalocal.apigateway.ApiGatewayMock.Route;
import dev.lambdalocal.apigateway.FunctionResolver;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.apigateway.internal.definitions.ApiDefinition;
import dev.lambdalocal.aws.internal.Settings;
import dev.lambdalocal.cognito.CognitoMock;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an {@link ApiGatewayMock.Builder} was given, each value checked as it is set, and its
 * resolution into the {@link ApiSettings} of a server (defaults by API type, a random API id): the
 * public builder keeps only its documented setters, each one statement that delegates here. Every
 * setter returns the builder these settings belong to.
 */
public final class ApiGatewayMockSettings {

  private static final Pattern API_ID = Pattern.compile("[a-z0-9]{10}");
  private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final ApiGatewayMock.Builder builder;
  private final ApiType type;
  private final List<ApiRoute> routes = new ArrayList<>();
  private final Map<String, String> placeholders = new LinkedHashMap<>();
  private final Map<String, URI> integrationHosts = new LinkedHashMap<>();
  private boolean definitionRead;
  private final Set<String> binaryMediaTypes = new LinkedHashSet<>();
  private int port;
  private String stage;
  private String region = CognitoMock.DEFAULT_REGION;
  private String accountId = CognitoMock.DEFAULT_ACCOUNT_ID;
  private String apiId;
  private Duration integrationTimeout;
  private IamAuthorizer iamAuthorizer = IamAuthorizer.denyAll();
  private Clock clock = Clock.systemUTC();

  /** Hold the settings of {@code builder}, an API of {@code type}; the setters return it. */
  public ApiGatewayMockSettings(ApiGatewayMock.Builder builder, ApiType type) {
    this.builder = builder;
    this.type = type;
  }

  /** Listen on {@code port}; 0 (the default) takes a free one. */
  public ApiGatewayMock.Builder port(int port) {
    this.port = Settings.port("port", port);
    return builder;
  }

  /** Name the stage ({@code $default}: none). */
  public ApiGatewayMock.Builder stage(String stage) {
    if (stage == null || !(stage.equals("$default") || STAGE.matcher(stage).matches())) {
      throw new IllegalArgumentException("stage name is not valid: " + stage);
    }
    this.stage = stage;
    return builder;
  }

  /** Set the region of {@code domainName}. */
  public ApiGatewayMock.Builder region(String region) {
    this.region = Objects.requireNonNull(region, "region");
    return builder;
  }

  /** Set {@code requestContext.accountId}. */
  public ApiGatewayMock.Builder accountId(String accountId) {
    this.accountId = Settings.accountId(accountId);
    return builder;
  }

  /** Fix the API id. */
  public ApiGatewayMock.Builder apiId(String apiId) {
    if (apiId == null || !API_ID.matcher(apiId).matches()) {
      throw new IllegalArgumentException(
          "apiId must be 10 lower-case letters and digits, was " + apiId);
    }
    this.apiId = apiId;
    return builder;
  }

  /** Set how long the API waits for a function. */
  public ApiGatewayMock.Builder integrationTimeout(Duration timeout) {
    this.integrationTimeout = Settings.positive("integrationTimeout", timeout);
    return builder;
  }

  /** Add a REST API binary media type. */
  public ApiGatewayMock.Builder binaryMediaType(String mediaType) {
    binaryMediaTypes.add(Objects.requireNonNull(mediaType, "mediaType").toLowerCase(Locale.ROOT));
    return builder;
  }

  /** Decide {@code AWS_IAM} routes with {@code authorizer}. */
  public ApiGatewayMock.Builder iamAuthorizer(IamAuthorizer authorizer) {
    this.iamAuthorizer = Objects.requireNonNull(authorizer, "authorizer");
    return builder;
  }

  /** Use {@code clock} for request times. */
  public ApiGatewayMock.Builder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return builder;
  }

  /** Add a proxy route. */
  public ApiGatewayMock.Builder route(Route route) {
    routes.add(ApiRoute.proxy(Objects.requireNonNull(route, "route")));
    return builder;
  }

  /**
   * Define the placeholder {@code %NAME%} of the definition files read later.
   *
   * @throws IllegalArgumentException when {@code name} is not upper-case letters, digits and _
   * @throws IllegalStateException when a definition file was already read
   */
  public ApiGatewayMock.Builder define(String name, String value) {
    if (name == null || !PLACEHOLDER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "placeholder name must be upper-case letters, digits and _, was " + name);
    }
    if (definitionRead) {
      throw new IllegalStateException(
          "define(\"" + name + "\", …) must come before definition(…), which reads the file");
    }
    placeholders.put(name, Objects.requireNonNull(value, "value"));
    return builder;
  }

  /**
   * Send the requests of HTTP integrations whose URI names {@code host} to {@code endpoint}.
   *
   * @throws IllegalArgumentException when {@code endpoint} is not an http(s) URI on loopback
   */
  public ApiGatewayMock.Builder integrationHost(String host, URI endpoint) {
    HttpIntegrationHosts.checkEndpoint(host, endpoint);
    integrationHosts.put(host.toLowerCase(Locale.ROOT), endpoint);
    return builder;
  }

  /**
   * Add the routes of a definition file, its placeholders replaced ({@code %AWS_ACCOUNT%} is the
   * account unless defined), and for a REST API its binary media types.
   *
   * @throws IllegalArgumentException naming the file and what in it cannot be emulated
   */
  public ApiGatewayMock.Builder definition(Path file, FunctionResolver functions) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(functions, "functions");
    Map<String, String> values = new LinkedHashMap<>(placeholders);
    values.putIfAbsent("AWS_ACCOUNT", accountId);
    ApiDefinition definition = ApiDefinition.read(file, type, values);
    routes.addAll(definition.bind(functions));
    definitionRead = true;
    if (type == ApiType.REST) {
      definition.binaryMediaTypes().forEach(this::binaryMediaType);
    }
    return builder;
  }

  /** Return the port to listen on, 0 for a free one. */
  public int port() {
    return port;
  }

  /**
   * Resolve the settings of a server: the stage ({@code dev} for a REST API, {@code $default} for
   * an HTTP API, unless set), the integration timeout (the type's default unless set), the API id
   * (random unless fixed).
   *
   * @throws IllegalArgumentException naming a route given twice, a REST stage named {@code
   *     $default}, or the operation and the host of an HTTP integration that is neither mapped to a
   *     local endpoint nor on loopback
   */
  public ApiSettings resolve() {
    HttpIntegrationHosts.check(routes, integrationHosts);
    String resolvedStage = stage != null ? stage : type == ApiType.REST ? "dev" : "$default";
    if (type == ApiType.REST && resolvedStage.equals("$default")) {
      throw new IllegalArgumentException("a REST API stage cannot be named $default");
    }
    Duration timeout =
        integrationTimeout != null
            ? integrationTimeout
            : type == ApiType.REST
                ? ApiGatewayMock.REST_DEFAULT_TIMEOUT
                : ApiGatewayMock.HTTP_DEFAULT_TIMEOUT;
    return new ApiSettings(
        type,
        resolvedStage,
        region,
        accountId,
        apiId != null ? apiId : randomApiId(),
        timeout,
        List.copyOf(binaryMediaTypes),
        iamAuthorizer,
        clock,
        new RouteTable(routes),
        Map.copyOf(integrationHosts));
  }

  private static String randomApiId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder id = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
