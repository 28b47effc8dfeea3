package dev.lambdalocal.account;

import dev.lambdalocal.account.internal.AccountServices;
import dev.lambdalocal.account.internal.ExecutionVariables;
import dev.lambdalocal.account.internal.ExtensionServer;
import dev.lambdalocal.account.internal.SecretsFile;
import dev.lambdalocal.aws.internal.Clients;
import dev.lambdalocal.aws.internal.ServiceSettings;
import dev.lambdalocal.aws.internal.Settings;
import dev.lambdalocal.aws.internal.server.ServiceServer;
import dev.lambdalocal.aws.internal.sigv4.KeyRing;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.lambda.LambdaServiceMock;
import dev.lambdalocal.secretsmanager.SecretsManagerMock;
import dev.lambdalocal.ssm.ParameterStoreMock;
import dev.lambdalocal.ssm.ParameterType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

/**
 * The whole offline AWS account on one loopback port: Cognito Identity, Secrets Manager and SSM
 * Parameter Store answer at {@link #endpoint()}, routed as AWS clients address them, so {@code
 * AWS_ENDPOINT_URL=http://127.0.0.1:<port>} alone points the AWS CLI, boto3 and the SDKs at all of
 * it. Every request is verified (SigV4) against the account's credentials: its long-term key
 * ({@link #ACCESS_KEY_ID}), the execution-role credentials it mints for functions, and the
 * credentials its Cognito issued. A request for a service the account does not serve gets a local
 * error; nothing leaves loopback.
 *
 * <p>Functions run with the account ({@link #configure(LocalLambda.Builder)}, and those of its
 * {@link #lambda() Lambda service}) get, as their Lambda environment, {@code AWS_ENDPOINT_URL} and
 * execution-role credentials minted for each execution environment, so an unmodified handler's
 * {@code SecretsManagerClient.create()} reads the offline secrets; and the Parameters and Secrets
 * Lambda Extension's local HTTP API answers on port {@value ExtensionServer#DEFAULT_PORT}.
 *
 * <pre>{@code
 * try (OfflineAccount account = OfflineAccount.builder().secret("db-password", "s3cr3t").start();
 *     LocalLambda function = account.configure(LocalLambda.builder().handler(MyHandler.class))
 *         .build()) {
 *   function.invoke("{}");
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class OfflineAccount implements AutoCloseable {

  /** The access key id of the account's long-term key (AWS's documented example key). */
  public static final String ACCESS_KEY_ID = KeyRing.ACCESS_KEY_ID;

  /** The secret key of the account's long-term key (AWS's documented example key). */
  public static final String SECRET_KEY = KeyRing.SECRET_KEY;

  private final String region;
  private final String accountId;
  private final AccountServices services;
  private final ServiceServer server;
  private final Map<String, URI> serviceEndpoints;
  private final int extensionPort;
  private final List<KeyRing.Minted> mintedBeforeStart;
  private ExtensionServer extension;
  private ExtensionServer.Backend backend;

  private OfflineAccount(Builder builder) {
    ServiceSettings settings = builder.settings;
    this.region = settings.region();
    this.accountId = settings.accountId();
    this.serviceEndpoints = Map.copyOf(builder.serviceEndpoints);
    this.extensionPort = builder.extensionPort;
    this.mintedBeforeStart = List.copyOf(builder.mintedBeforeStart);
    // The functions its Lambda service runs get the account's environment, as configure() gives.
    this.services =
        AccountServices.start(
            region, accountId, settings.clock(), name -> executionEnvironment(name));
    services.keys().accept(ExecutionVariables.accepting(mintedBeforeStart));
    try {
      builder.secrets.forEach(services.secretsManager()::putSecret);
      builder.parameters.forEach(
          p -> services.parameterStore().putParameter(p.name, p.type, p.value));
      this.server =
          settings.startServer(services.mounted(), services.keys(), "the offline account");
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
  }

  /**
   * Start configuring an account: a free port, {@code us-east-1}, account {@code 123456789012}, the
   * system clock, no secrets or parameters, the extension's API on port {@value
   * ExtensionServer#DEFAULT_PORT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Return the one endpoint of every service of the account.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return server.endpoint();
  }

  /**
   * Return the account's region.
   *
   * @return the region
   */
  public String region() {
    return region;
  }

  /**
   * Return the account id of its ARNs.
   *
   * @return 12 digits
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Return the account's Secrets Manager (also served on its own port).
   *
   * @return the Secrets Manager
   */
  public SecretsManagerMock secretsManager() {
    return services.secretsManager();
  }

  /**
   * Return the account's Parameter Store (also served on its own port).
   *
   * @return the Parameter Store
   */
  public ParameterStoreMock parameterStore() {
    return services.parameterStore();
  }

  /**
   * Return the account's Lambda service (also served on its own port).
   *
   * @return the Lambda service
   * @since 0.1.0
   */
  public LambdaServiceMock lambda() {
    return services.lambda();
  }

  /**
   * Return the account's Cognito Identity (also served on its own port, with its JWKS).
   *
   * @return the Cognito mock
   */
  public CognitoMock cognito() {
    return services.cognito();
  }

  /**
   * Build an SDK v2 client of any service for this account from {@code builder}: endpoint {@link
   * #endpoint()}, the account's region and long-term key, no profile file, {@code
   * url-connection-client}. The caller closes it.
   *
   * @param builder e.g. {@code SecretsManagerClient.builder()}
   * @param <B> the builder type
   * @param <C> the client type
   * @return the client
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
    return Clients.build(builder, endpoint(), region);
  }

  /**
   * Return the variables Lambda would give a new execution environment of {@code functionName} run
   * with this account: {@code AWS_ENDPOINT_URL}, the per-service {@code AWS_ENDPOINT_URL_…} given
   * to the builder, {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}, and newly minted credentials of
   * the role {@code <functionName>-role} ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
   * {@code AWS_SESSION_TOKEN}), valid for 12 hours.
   *
   * @param functionName the function, the role session's name
   * @return the variables
   */
  public Map<String, String> executionEnvironment(String functionName) {
    KeyRing.Minted minted =
        services.keys().mint(functionName + "-role", functionName, Duration.ofHours(12));
    ExtensionServer extensionServer = extension();
    extensionServer.register(minted.sessionToken(), backend);
    return ExecutionVariables.of(endpoint(), serviceEndpoints, minted, extensionServer.port());
  }

  /**
   * Run the function of {@code builder} with this account: each new execution environment gets
   * {@link #executionEnvironment(String)} (the function's own variables override all but the
   * credentials), and its region is the account's.
   *
   * @param builder the function's builder
   * @return {@code builder}
   */
  public LocalLambda.Builder configure(LocalLambda.Builder builder) {
    return builder
        .region(region)
        .accountId(accountId)
        .platformEnvironment(this::executionEnvironment);
  }

  /**
   * Return the port of the Parameters and Secrets Lambda Extension's local API, starting it if no
   * function has run with the account yet.
   *
   * @return the port, {@value ExtensionServer#DEFAULT_PORT} unless configured
   */
  public int extensionPort() {
    return extension().port();
  }

  private synchronized ExtensionServer extension() {
    if (extension == null) {
      extension = ExtensionServer.acquire(extensionPort);
      backend = new ExtensionServer.Backend(services.secretsService(), services.ssmService(), null);
      mintedBeforeStart.forEach(minted -> extension.register(minted.sessionToken(), backend));
    }
    return extension;
  }

  /** Stop the servers and release their ports. */
  @Override
  public synchronized void close() {
    try {
      if (extension != null) {
        extension.release(backend);
      }
    } finally {
      try {
        server.close();
      } finally {
        services.close();
      }
    }
  }

  /**
   * Configures and starts an {@link OfflineAccount}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private record Parameter(String name, ParameterType type, String value) {}

    private final ServiceSettings settings = new ServiceSettings();
    private int extensionPort = ExtensionServer.DEFAULT_PORT;
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final Map<String, URI> serviceEndpoints = new LinkedHashMap<>();
    private final List<KeyRing.Minted> mintedBeforeStart = new ArrayList<>();

    private Builder() {}

    /** Listen on {@code port}; 0 (the default) takes a free one. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** Serve the extension's local API on {@code port} (default 2773; 0 takes a free one). */
    public Builder extensionPort(int port) {
      this.extensionPort = Settings.port("extensionPort", port);
      return this;
    }

    /** Serve {@code region} (default {@code us-east-1}). */
    public Builder region(String region) {
      settings.region(region);
      return this;
    }

    /** Set the account id (default {@code 123456789012}). */
    public Builder accountId(String accountId) {
      settings.accountId(accountId);
      return this;
    }

    /** Use {@code clock} for dates, expirations and signature checks (default: system clock). */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** Start with a string secret in Secrets Manager. */
    public Builder secret(String name, String value) {
      secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Start with a parameter in Parameter Store. */
    public Builder parameter(String name, ParameterType type, String value) {
      parameters.add(
          new Parameter(
              Objects.requireNonNull(name, "name"),
              Objects.requireNonNull(type, "type"),
              Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Start with the secrets and parameters of a JSON file: {@code {"secrets": {"name": "value"},
     * "parameters": {"/name": "value", "/other": {"type": "SecureString", "value": "…"}}}}.
     *
     * @param file the file
     * @throws IllegalArgumentException naming the file (and line and column) at fault
     */
    public Builder file(java.nio.file.Path file) {
      SecretsFile.Contents contents = SecretsFile.read(Objects.requireNonNull(file, "file"));
      secrets.putAll(contents.secrets());
      contents.parameters().forEach(p -> parameter(p.name(), p.type(), p.value()));
      return this;
    }

    /**
     * Point functions' clients of one service elsewhere, e.g. {@code serviceEndpoint("dynamodb",
     * URI.create("http://127.0.0.1:8000"))} for DynamoDB Local: functions get {@code
     * AWS_ENDPOINT_URL_DYNAMODB}, which the AWS SDKs prefer to {@code AWS_ENDPOINT_URL}.
     *
     * @param serviceId the service's SDK id, e.g. {@code dynamodb}, {@code s3}, {@code sqs}
     * @param endpoint where its clients go
     */
    public Builder serviceEndpoint(String serviceId, URI endpoint) {
      String variable =
          "AWS_ENDPOINT_URL_"
              + Objects.requireNonNull(serviceId, "serviceId")
                  .trim()
                  .replaceAll("[ -]", "_")
                  .toUpperCase(Locale.ROOT);
      serviceEndpoints.put(variable, Settings.httpUri("serviceEndpoint", endpoint));
      return this;
    }

    /**
     * Mint now, before the account starts, the variables of a new execution environment of {@code
     * functionName}, as {@link OfflineAccount#executionEnvironment(String)} gives them, for a
     * caller that must give a function its environment first and starts the account only when the
     * function calls it (the command line's {@code run}, whose start-up cannot wait for the
     * account's servers): the function is told {@code endpoint} and {@code extensionPort}, where
     * the caller forwards to the started account's {@link OfflineAccount#endpoint()} and {@link
     * OfflineAccount#extensionPort()}. The started account accepts the credentials, and the
     * extension's API their session token. Call it after {@link #accountId} and {@link
     * #serviceEndpoint}.
     *
     * @param functionName the function, the role session's name
     * @param endpoint what the function gets as {@code AWS_ENDPOINT_URL}
     * @param extensionPort what it gets as {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}
     * @return the variables
     * @since 0.1.0
     */
    public Map<String, String> executionEnvironmentBeforeStart(
        String functionName, URI endpoint, int extensionPort) {
      KeyRing.Minted minted =
          new KeyRing(settings.accountId(), settings.clock())
              .mint(
                  Objects.requireNonNull(functionName, "functionName") + "-role",
                  functionName,
                  Duration.ofHours(12));
      mintedBeforeStart.add(minted);
      return ExecutionVariables.of(
          Settings.httpUri("endpoint", endpoint), serviceEndpoints, minted, extensionPort);
    }

    /**
     * Start the account.
     *
     * @return the running account; close it to stop it
     * @throws IllegalStateException when a port cannot be bound
     */
    public OfflineAccount start() {
      return new OfflineAccount(this);
    }
  }
}
