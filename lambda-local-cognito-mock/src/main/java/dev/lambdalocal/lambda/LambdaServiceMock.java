package dev.lambdalocal.lambda;

import dev.lambdalocal.aws.internal.Clients;
import dev.lambdalocal.aws.internal.ServiceSettings;
import dev.lambdalocal.aws.internal.server.Mounts;
import dev.lambdalocal.aws.internal.server.ServiceServer;
import dev.lambdalocal.aws.internal.sigv4.CredentialsResolver;
import dev.lambdalocal.aws.internal.sigv4.ResolvedCredentials;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.lambda.internal.FunctionStore;
import dev.lambdalocal.lambda.internal.LambdaService;
import dev.lambdalocal.lambda.internal.OwnPort;
import dev.lambdalocal.lambda.internal.ServiceCredentials;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * An offline AWS Lambda service on a loopback port, in this JVM, that unmodified AWS clients use:
 * the SDKs and the AWS CLI pointed at {@link #endpoint()} create, update, publish, alias and invoke
 * functions, and get AWS's answers and errors. Each function runs from its uploaded ZIP with
 * lambda-local's runtime.
 *
 * <pre>{@code
 * try (LambdaServiceMock lambda = LambdaServiceMock.builder().start();
 *     LambdaClient client = lambda.createClient()) {
 *   client.createFunction(r -> r.functionName("hello").runtime("java21").handler("example.Hello")
 *       .role("arn:aws:iam::123456789012:role/hello")
 *       .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
 *   client.invoke(r -> r.functionName("hello").payload(SdkBytes.fromUtf8String("{}")));
 * }
 * }</pre>
 *
 * <p>Requests must be signed (Signature Version 4, service {@code lambda}, the service's region)
 * with {@link #credentials()}, with the credentials lambda-local gives every function it runs (so a
 * function calling another through the SDK is accepted), or with credentials a {@link CognitoMock}
 * issued when {@link Builder#acceptCredentialsOf(CognitoMock)} is set.
 *
 * <p>The functions it runs find it as in Lambda, from their environment: {@code AWS_ENDPOINT_URL}
 * and {@value #ENDPOINT_VARIABLE} name this service, so that {@code LambdaClient.create()} reaches
 * it and a client of any other service gets a local error ({@code LambdaLocalServiceNotServed}),
 * never AWS; their credentials are lambda-local's dummies, which this service accepts. Run by an
 * offline account ({@code OfflineAccount.lambda()}), or given {@link
 * Builder#platformEnvironment(Function)}, they get the account's environment instead.
 *
 * @since 0.1.0
 */
public final class LambdaServiceMock implements AutoCloseable {

  /** The region when none is given. */
  public static final String DEFAULT_REGION = ServiceSettings.DEFAULT_REGION;

  /** The account id when none is given (the one AWS's documentation uses). */
  public static final String DEFAULT_ACCOUNT_ID = ServiceSettings.DEFAULT_ACCOUNT_ID;

  /**
   * The variable AWS SDKs and the AWS CLI read the Lambda endpoint from, which the service sets on
   * the functions it runs.
   */
  public static final String ENDPOINT_VARIABLE = LambdaService.ENDPOINT_VARIABLE;

  private final String region;
  private final String accountId;
  private final AwsBasicCredentials credentials;
  private final LambdaService service;
  private final ServiceServer server;

  private LambdaServiceMock(Builder builder) {
    this.region = builder.settings.region();
    this.accountId = builder.settings.accountId();
    this.credentials =
        AwsBasicCredentials.create(
            builder.accessKeyId != null ? builder.accessKeyId : ServiceCredentials.newAccessKeyId(),
            builder.secretKey != null
                ? builder.secretKey
                : ServiceCredentials.newSecretAccessKey());
    CredentialsResolver others =
        builder.cognito == null ? null : cognitoCredentials(builder.cognito);
    CredentialsResolver accepted =
        new ServiceCredentials(credentials.accessKeyId(), credentials.secretAccessKey(), others);
    // The service needs its URI (package downloads, its functions' variables), known once bound.
    OwnPort ownPort = new OwnPort();
    this.server = builder.settings.startServer(ownPort, "the Lambda service");
    try {
      this.service =
          new LambdaService(
              server.endpoint(),
              region,
              accountId,
              builder.settings.clock(),
              accepted,
              builder.console,
              builder.quiet,
              builder.platformEnvironment);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    ownPort.serve(service.endpoint());
    // The offline account's single endpoint serves this service's state too (OfflineAccount).
    Mounts.register(this, service.endpoint().mounted());
  }

  private static CredentialsResolver cognitoCredentials(CognitoMock cognito) {
    return key ->
        cognito
            .issuedCredentials(key)
            .map(
                issued ->
                    new ResolvedCredentials(
                        issued.secretKey(), issued.sessionToken(), issued.expiration(), issued));
  }

  /**
   * Start configuring a service: a free port, {@value #DEFAULT_REGION}, account {@value
   * #DEFAULT_ACCOUNT_ID}, new random credentials, function logs echoed to standard error.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Return the endpoint to point AWS clients at ({@code --endpoint-url}, {@code endpointOverride},
   * or {@value #ENDPOINT_VARIABLE}).
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return server.endpoint();
  }

  /**
   * Return the loopback port the service listens on.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * Return the region requests must be signed for and ARNs name.
   *
   * @return the region, e.g. {@code us-east-1}
   */
  public String region() {
    return region;
  }

  /**
   * Return the account of the function ARNs.
   *
   * @return the 12-digit account id
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Return the credentials this service issued to its users: sign requests with them (the AWS CLI
   * takes them as {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}). They work nowhere
   * else.
   *
   * @return the access key id ({@code AKIA…}) and secret key
   */
  public AwsBasicCredentials credentials() {
    return credentials;
  }

  /**
   * Return the variables that point an AWS SDK or the AWS CLI at this service: {@value
   * #ENDPOINT_VARIABLE}, {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID} and {@code
   * AWS_SECRET_ACCESS_KEY}.
   *
   * @return the variables, in that order
   */
  public Map<String, String> clientEnvironment() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(ENDPOINT_VARIABLE, endpoint().toString());
    variables.put("AWS_REGION", region);
    variables.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
    variables.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
    return Collections.unmodifiableMap(variables);
  }

  /**
   * Create an SDK v2 client for this service: endpoint override, the service's region and
   * credentials, no profile file read, {@code url-connection-client}. The caller closes it.
   *
   * @return a new client
   */
  public LambdaClient createClient() {
    return Clients.build(LambdaClient.builder(), endpoint(), region, credentials);
  }

  /**
   * Wait until every {@code Event} invocation accepted so far has run.
   *
   * @param timeout how long to wait at most
   * @return whether they all finished in time
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitEventInvocations(Duration timeout) throws InterruptedException {
    return service.invoker().awaitEvents(timeout);
  }

  /** The functions, for tests of this package that hold state transitions. */
  FunctionStore store() {
    return service.store();
  }

  /** Stop the server, the functions' execution environments, and delete their extracted code. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      service.close();
    }
  }

  /** Return a description for logs: endpoint, region and access key id (never the secret). */
  @Override
  public String toString() {
    return "LambdaServiceMock[endpoint="
        + endpoint()
        + ", region="
        + region
        + ", accessKeyId="
        + credentials.accessKeyId()
        + "]";
  }

  /**
   * Configures and starts a {@link LambdaServiceMock}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private final ServiceSettings settings = new ServiceSettings();
    private String accessKeyId;
    private String secretKey;
    private CognitoMock cognito;
    private PrintStream console;
    private boolean quiet;
    private Function<String, Map<String, String>> platformEnvironment;

    private Builder() {}

    /** Listen on {@code port}; 0 (the default) takes a free one. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** Serve {@code region} (default {@value LambdaServiceMock#DEFAULT_REGION}). */
    public Builder region(String region) {
      settings.region(region);
      return this;
    }

    /** Set the account of the ARNs (default {@value LambdaServiceMock#DEFAULT_ACCOUNT_ID}). */
    public Builder accountId(String accountId) {
      settings.accountId(accountId);
      return this;
    }

    /**
     * Use fixed credentials instead of new random ones, e.g. those of a script's environment. Never
     * give real AWS credentials: the service does not need them.
     */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      if (accessKeyId == null || accessKeyId.isBlank()) {
        throw new IllegalArgumentException("accessKeyId must not be blank");
      }
      if (secretAccessKey == null || secretAccessKey.isBlank()) {
        throw new IllegalArgumentException("secretAccessKey must not be blank");
      }
      this.accessKeyId = accessKeyId;
      this.secretKey = secretAccessKey;
      return this;
    }

    /** Also accept requests signed with credentials {@code cognito} issued and that are live. */
    public Builder acceptCredentialsOf(CognitoMock cognito) {
      this.cognito = Objects.requireNonNull(cognito, "cognito");
      return this;
    }

    /** Use {@code clock} for the signature's 5-minute window and dates (default: system clock). */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** Echo the functions' logs to {@code console} instead of standard error. */
    public Builder console(PrintStream console) {
      this.console = Objects.requireNonNull(console, "console");
      return this;
    }

    /** Do not echo the functions' logs (they still reach {@code LogType: Tail}). */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /**
     * Give each new execution environment of the functions the variables {@code variables} returns
     * for the function's name, in place of this service's own ({@code AWS_ENDPOINT_URL} and {@value
     * LambdaServiceMock#ENDPOINT_VARIABLE} naming it), as {@code
     * LocalLambda.Builder.platformEnvironment} gives them: of Lambda's reserved variables only the
     * execution role's credentials, and defaults that a function's own {@code Environment}
     * overrides. The offline account gives its functions its endpoint and credentials it minted
     * this way ({@code OfflineAccount.executionEnvironment}); this service accepts only the
     * credentials it knows (see {@link Builder#credentials}), so point the functions' Lambda
     * clients where theirs are accepted.
     *
     * @param variables the variables, by function name; called at every cold start
     * @since 0.1.0
     */
    public Builder platformEnvironment(Function<String, Map<String, String>> variables) {
      this.platformEnvironment = Objects.requireNonNull(variables, "variables");
      return this;
    }

    /**
     * Start the service.
     *
     * @return the running service; close it to stop it
     * @throws IllegalStateException when the port cannot be bound
     */
    public LambdaServiceMock start() {
      return new LambdaServiceMock(this);
    }
  }
}
