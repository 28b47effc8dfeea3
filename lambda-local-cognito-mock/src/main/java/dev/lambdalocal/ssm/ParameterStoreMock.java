package dev.lambdalocal.ssm;

import dev.lambdalocal.aws.internal.Clients;
import dev.lambdalocal.aws.internal.ServiceSettings;
import dev.lambdalocal.aws.internal.server.Mounts;
import dev.lambdalocal.aws.internal.server.ServiceServer;
import dev.lambdalocal.ssm.internal.SsmService;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

/**
 * An offline AWS Systems Manager Parameter Store on a loopback port that unmodified AWS clients
 * accept: {@code PutParameter}, {@code GetParameter(s)}, {@code GetParametersByPath}, {@code
 * DeleteParameter(s)}, {@code DescribeParameters} and {@code GetParameterHistory}, with versions,
 * {@code name:version} selectors, SecureStrings that stay encrypted without {@code WithDecryption},
 * and SSM's error codes and texts. Requests must be signed (SigV4) with the mock's key, which
 * {@link #client} uses.
 *
 * <pre>{@code
 * try (ParameterStoreMock ssm = ParameterStoreMock.builder()
 *         .parameter("/app/db/url", ParameterType.STRING, "jdbc:…").start();
 *     SsmClient client = ssm.client(SsmClient.builder())) {
 *   String url = client.getParameter(r -> r.name("/app/db/url")).parameter().value();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ParameterStoreMock implements AutoCloseable {

  private final String region;
  private final SsmService service;
  private final ServiceServer server;

  private ParameterStoreMock(Builder builder) {
    ServiceSettings settings = builder.settings;
    this.region = settings.region();
    this.service = new SsmService(region, settings.accountId(), settings.clock());
    builder.parameters.forEach(p -> service.put(p.name, p.type.awsName(), p.value));
    this.server = settings.startServer(service, "the Parameter Store mock");
    Mounts.register(this, service);
  }

  /**
   * Start configuring a mock: a free port, {@code us-east-1}, account {@code 123456789012}, the
   * system clock, no parameters.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Return the endpoint to point AWS clients at.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return server.endpoint();
  }

  /**
   * Put a parameter: create it, or add a version as {@code PutParameter} with {@code Overwrite}.
   *
   * @param name the parameter's name
   * @param type its type
   * @param value its value (comma-separated for a {@link ParameterType#STRING_LIST})
   * @return the new version
   */
  public long putParameter(String name, ParameterType type, String value) {
    return service.put(
        Objects.requireNonNull(name, "name"), type.awsName(), Objects.requireNonNull(value));
  }

  /**
   * Return a parameter's latest value, decrypted.
   *
   * @param name the parameter's name
   * @return the value, or empty when there is no such parameter
   */
  public Optional<String> parameterValue(String name) {
    return service.value(name);
  }

  /**
   * Return the names of the parameters.
   *
   * @return the names
   */
  public Set<String> parameterNames() {
    return service.names();
  }

  /**
   * Build an SDK v2 client of any service for this mock from {@code builder}: endpoint override,
   * region, the mock's key, no profile file, {@code url-connection-client}. The caller closes it.
   *
   * @param builder e.g. {@code SsmClient.builder()}
   * @param <B> the builder type
   * @param <C> the client type
   * @return the client
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
    return Clients.build(builder, endpoint(), region);
  }

  /** Stop the server and release its port. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * Configures and starts a {@link ParameterStoreMock}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private record Initial(String name, ParameterType type, String value) {}

    private final ServiceSettings settings = new ServiceSettings();
    private final List<Initial> parameters = new ArrayList<>();

    private Builder() {}

    /** Listen on {@code port}; 0 (the default) takes a free one. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** Serve {@code region} (default {@code us-east-1}). */
    public Builder region(String region) {
      settings.region(region);
      return this;
    }

    /** Set the account of the ARNs (default {@code 123456789012}). */
    public Builder accountId(String accountId) {
      settings.accountId(accountId);
      return this;
    }

    /** Use {@code clock} for modification dates (default: the system clock). */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** Start with a parameter (version 1; a second call with the same name adds version 2). */
    public Builder parameter(String name, ParameterType type, String value) {
      parameters.add(
          new Initial(
              Objects.requireNonNull(name, "name"),
              Objects.requireNonNull(type, "type"),
              Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Start the mock.
     *
     * @return the running mock; close it to stop it
     * @throws IllegalStateException when the port cannot be bound
     */
    public ParameterStoreMock start() {
      return new ParameterStoreMock(this);
    }
  }
}
