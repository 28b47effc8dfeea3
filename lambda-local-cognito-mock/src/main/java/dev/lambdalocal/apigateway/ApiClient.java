package dev.lambdalocal.apigateway;

import dev.lambdalocal.apigateway.internal.client.CognitoClients;
import dev.lambdalocal.apigateway.internal.client.CognitoSession;
import dev.lambdalocal.apigateway.internal.client.SignedRequests;
import dev.lambdalocal.aws.internal.Settings;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.core.Identity;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * Calls an API Gateway API as a Cognito Identity user, like the old framework's {@code connect.py}:
 * gets an identity ({@code GetId}) and its temporary credentials ({@code
 * GetCredentialsForIdentity}), signs every request with the AWS SDK v2's SigV4 signer (service
 * {@code execute-api}) and returns the API's answer, whatever its status.
 *
 * <pre>{@code
 * try (ApiClient client =
 *     ApiClient.builder().baseUri(api.baseUri()).cognito(cognito).build()) {
 *   ApiResponse response = client.post("/orders", "{\"qty\":2}");
 * }
 * }</pre>
 *
 * <p>Against AWS, give the stage URL, the region and the identity pool id instead of {@link
 * Builder#cognito(CognitoMock)}. The Cognito calls need no AWS credentials: they are sent unsigned
 * and no profile or credentials file is read. Credentials are reused until five minutes before they
 * expire. Instances are thread-safe.
 *
 * @since 0.1.0
 */
public final class ApiClient implements AutoCloseable {

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private final URI baseUri;
  private final CognitoIdentityClient ownedCognitoClient;
  private final CognitoSession session;
  private final SignedRequests requests;

  private ApiClient(Builder builder, String region) {
    this.baseUri = builder.baseUri;
    this.ownedCognitoClient =
        builder.cognitoClient != null
            ? null
            : CognitoClients.create(
                builder.cognitoEndpoint, region, builder.connectTimeout, builder.requestTimeout);
    this.session =
        new CognitoSession(
            builder.cognitoClient != null ? builder.cognitoClient : ownedCognitoClient,
            builder.identityPoolId,
            builder.logins,
            builder.identityCache,
            builder.environment,
            builder.clock);
    this.requests =
        new SignedRequests(
            session, region, builder.clock, builder.connectTimeout, builder.requestTimeout);
  }

  /**
   * Start configuring a client.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Return the API's base URI that request paths are resolved against.
   *
   * @return e.g. {@code https://abc.execute-api.us-east-1.amazonaws.com/dev/}
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Return the Cognito identity that signs the requests, getting it first if needed ({@code GetId},
   * or the identity cached for the environment).
   *
   * @return the identity
   * @throws IllegalStateException with Cognito's error code and message when Cognito refuses
   */
  public Identity identity() {
    return session.identity();
  }

  /**
   * Send {@code GET path}.
   *
   * @param path the path below the base URI, e.g. {@code /pets/42}; may carry a {@code ?query}
   * @return the response
   */
  public ApiResponse get(String path) {
    return request("GET", path).send();
  }

  /**
   * Send {@code GET path} with query parameters.
   *
   * @param path the path below the base URI
   * @param query parameter names and their values (unencoded; a name may have several values)
   * @return the response
   */
  public ApiResponse get(String path, Map<String, ? extends Collection<String>> query) {
    return request("GET", path).query(query).send();
  }

  /**
   * Send {@code POST path} with a JSON payload.
   *
   * @param path the path below the base URI
   * @param json the payload, sent as {@code application/json}
   * @return the response
   */
  public ApiResponse post(String path, String json) {
    return request("POST", path).json(json).send();
  }

  /**
   * Send {@code PUT path} with a JSON payload.
   *
   * @param path the path below the base URI
   * @param json the payload, sent as {@code application/json}
   * @return the response
   */
  public ApiResponse put(String path, String json) {
    return request("PUT", path).json(json).send();
  }

  /**
   * Send {@code PATCH path} with a JSON payload.
   *
   * @param path the path below the base URI
   * @param json the payload, sent as {@code application/json}
   * @return the response
   */
  public ApiResponse patch(String path, String json) {
    return request("PATCH", path).json(json).send();
  }

  /**
   * Send {@code DELETE path}.
   *
   * @param path the path below the base URI
   * @return the response
   */
  public ApiResponse delete(String path) {
    return request("DELETE", path).send();
  }

  /**
   * Start a request with any of API Gateway's methods, to add query parameters, headers or a body.
   *
   * @param method {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH}, {@code
   *     HEAD} or {@code OPTIONS}, in any case
   * @param path the path below the base URI, e.g. {@code /pets/42} or {@code pets/42?limit=5}:
   *     characters a URL cannot hold are percent-encoded, {@code %XX} is kept (so {@code a%2Fb} is
   *     one segment)
   * @return the request, sent by {@link ApiRequest#send()}
   * @throws IllegalArgumentException naming the method when API Gateway has no such method
   */
  public ApiRequest request(String method, String path) {
    String upper = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(upper)) {
      throw new IllegalArgumentException(
          "method must be one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS: " + method);
    }
    return new ApiRequest(requests, baseUri, upper, Objects.requireNonNull(path, "path"));
  }

  /** Close the Cognito client this client built (not one given to the builder). */
  @Override
  public void close() {
    try {
      requests.close();
    } finally {
      if (ownedCognitoClient != null) {
        ownedCognitoClient.close();
      }
    }
  }

  /**
   * Configures an {@link ApiClient}. The base URI and the identity pool id are required.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    /** The connection timeout when none is given. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The request timeout when none is given (API Gateway's own limit is 29 seconds). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private URI baseUri;
    private URI cognitoEndpoint;
    private String region;
    private String identityPoolId;
    private Map<String, String> logins = Map.of();
    private IdentityCache identityCache;
    private String environment;
    private CognitoIdentityClient cognitoClient;
    private Clock clock = Clock.systemUTC();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder() {}

    /**
     * Set the API's base URL, the stage's invoke URL (required).
     *
     * @param baseUri e.g. {@code https://abc123defg.execute-api.us-east-1.amazonaws.com/dev/} or
     *     {@link ApiGatewayMock#baseUri()}
     * @return this builder
     * @throws IllegalArgumentException when it is not an absolute http(s) URL without query
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Settings.httpUri("baseUri", baseUri);
      return this;
    }

    /** Set the API's base URL from text; see {@link #baseUri(URI)}. */
    public Builder baseUri(String baseUri) {
      return baseUri(URI.create(Objects.requireNonNull(baseUri, "baseUri")));
    }

    /**
     * Set the Cognito Identity endpoint (default: Cognito's own, {@code
     * https://cognito-identity.<region>.amazonaws.com}).
     *
     * @param endpoint e.g. {@link CognitoMock#endpoint()}
     * @return this builder
     */
    public Builder cognitoEndpoint(URI endpoint) {
      this.cognitoEndpoint = Settings.httpUri("cognitoEndpoint", endpoint);
      return this;
    }

    /**
     * Set the region of Cognito and of the signatures (default: the identity pool id's region).
     *
     * @param region e.g. {@code eu-west-1}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Settings.region(region);
      return this;
    }

    /**
     * Set the identity pool (required).
     *
     * @param identityPoolId {@code <region>:<uuid>}
     * @return this builder
     */
    public Builder identityPoolId(String identityPoolId) {
      if (!Identity.isCognitoId(identityPoolId)) {
        throw new IllegalArgumentException(
            "identityPoolId is not of the form <region>:<uuid>: " + identityPoolId);
      }
      this.identityPoolId = identityPoolId;
      return this;
    }

    /**
     * Use a Cognito mock: its endpoint, region, default identity pool and clock (methods called
     * later override each of these).
     *
     * @param cognito the running mock
     * @return this builder
     */
    public Builder cognito(CognitoMock cognito) {
      cognitoEndpoint(cognito.endpoint());
      region(cognito.region());
      identityPoolId(cognito.defaultIdentityPoolId());
      return clock(cognito.clock());
    }

    /**
     * Sign in as an authenticated identity: Cognito's {@code Logins}, provider names to tokens
     * (default: none, an unauthenticated identity).
     *
     * @param logins e.g. {@code Map.of("accounts.google.com", idToken)}
     * @return this builder
     */
    public Builder logins(Map<String, String> logins) {
      this.logins = Map.copyOf(logins);
      return this;
    }

    /**
     * Reuse the identity cached for an environment, as the old {@code .identity_<MODE>} files did,
     * and cache the first one got otherwise. A cached identity that Cognito does not know (a new
     * mock, a deleted identity) or refuses is replaced by a new one.
     *
     * @param cache the cache, e.g. {@link IdentityCache#inWorkingDirectory()}
     * @param environment the environment name, e.g. {@code dev}
     * @return this builder
     * @throws IllegalArgumentException when the environment name is not a safe file name part
     */
    public Builder identityCache(IdentityCache cache, String environment) {
      Objects.requireNonNull(cache, "cache").file(environment);
      this.identityCache = cache;
      this.environment = environment;
      return this;
    }

    /**
     * Use this Cognito client instead of building one; the caller keeps and closes it.
     *
     * @param client the client; its endpoint, region and credentials are its own
     * @return this builder
     */
    public Builder cognitoClient(CognitoIdentityClient client) {
      this.cognitoClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Set the clock of the signatures and of credential expiry (default: the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Set the timeout to connect, to the API and to Cognito (default 10 seconds). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive("connectTimeout", timeout);
      return this;
    }

    /** Set the timeout of a request, to the API and to Cognito (default 60 seconds). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Settings.positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Build the client. Cognito is called on the first request, not here.
     *
     * @return the client; close it to release the Cognito client it built
     * @throws IllegalStateException naming the setting when the base URI or the pool id is missing
     */
    public ApiClient build() {
      if (baseUri == null) {
        throw new IllegalStateException(
            "ApiClient: baseUri is not set; give the API's base URL, e.g."
                + " https://<api-id>.execute-api.<region>.amazonaws.com/<stage>/ or"
                + " ApiGatewayMock.baseUri()");
      }
      if (identityPoolId == null) {
        throw new IllegalStateException(
            "ApiClient: identityPoolId is not set; give the Cognito identity pool id"
                + " (<region>:<uuid>) or cognito(CognitoMock)");
      }
      return new ApiClient(
          this, region != null ? region : identityPoolId.substring(0, identityPoolId.indexOf(':')));
    }
  }
}
