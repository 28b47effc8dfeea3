package dev.lambdalocal.secretsmanager;

import dev.lambdalocal.aws.internal.Clients;
import dev.lambdalocal.aws.internal.ServiceSettings;
import dev.lambdalocal.aws.internal.server.Mounts;
import dev.lambdalocal.aws.internal.server.ServiceServer;
import dev.lambdalocal.secretsmanager.internal.SecretsManagerService;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

/**
 * An offline AWS Secrets Manager on a loopback port that unmodified AWS clients accept: {@code
 * CreateSecret}, {@code GetSecretValue}, {@code PutSecretValue}, {@code UpdateSecret}, {@code
 * DescribeSecret}, {@code ListSecrets}, {@code DeleteSecret} and {@code RestoreSecret}, with
 * Secrets Manager's ARNs, version stages and error texts. Requests must be signed (SigV4) with the
 * mock's key, which {@link #client} uses.
 *
 * <pre>{@code
 * try (SecretsManagerMock secrets = SecretsManagerMock.builder().secret("db", "pw").start();
 *     SecretsManagerClient client = secrets.client(SecretsManagerClient.builder())) {
 *   String value = client.getSecretValue(r -> r.secretId("db")).secretString();
 * }
 * }</pre>
 *
 * <p>The offline account ({@code dev.lambdalocal.account.OfflineAccount}) serves the same store on
 * its single endpoint.
 *
 * @since 0.1.0
 */
public final class SecretsManagerMock implements AutoCloseable {

  private final String region;
  private final SecretsManagerService service;
  private final ServiceServer server;

  private SecretsManagerMock(Builder builder) {
    ServiceSettings settings = builder.settings;
    this.region = settings.region();
    this.service = new SecretsManagerService(region, settings.accountId(), settings.clock());
    builder.secrets.forEach(
        (name, value) -> {
          if (value instanceof byte[] bytes) {
            service.putBinary(name, bytes);
          } else {
            service.putString(name, (String) value);
          }
        });
    this.server = settings.startServer(service, "the Secrets Manager mock");
    Mounts.register(this, service);
  }

  /**
   * Start configuring a mock: a free port, {@code us-east-1}, account {@code 123456789012}, the
   * system clock, no secrets.
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
   * Return the region of the mock's ARNs and of the signatures it accepts.
   *
   * @return the region
   */
  public String region() {
    return region;
  }

  /**
   * Create a string secret, or give an existing one a new {@code AWSCURRENT} version.
   *
   * @param name the secret's name
   * @param value its value
   * @return the secret's ARN
   * @throws IllegalStateException when the secret is marked for deletion
   */
  public String putSecret(String name, String value) {
    return service.putString(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value));
  }

  /**
   * Return the current string value of a secret.
   *
   * @param name the secret's name
   * @return the value, or empty when there is no such live secret or it is binary
   */
  public Optional<String> secretString(String name) {
    return service.currentString(name);
  }

  /**
   * Return the names of the secrets, those marked for deletion included.
   *
   * @return the names
   */
  public Set<String> secretNames() {
    return service.names();
  }

  /**
   * Build an SDK v2 client of any service for this mock from {@code builder}: endpoint override,
   * region, the mock's key, no profile file, {@code url-connection-client}. The caller closes it.
   *
   * @param builder e.g. {@code SecretsManagerClient.builder()}
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
   * Configures and starts a {@link SecretsManagerMock}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private final ServiceSettings settings = new ServiceSettings();
    private final Map<String, Object> secrets = new LinkedHashMap<>();

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

    /** Use {@code clock} for dates and recovery windows (default: the system clock). */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** Start with a string secret. */
    public Builder secret(String name, String value) {
      secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Start with a binary secret. */
    public Builder binarySecret(String name, byte[] value) {
      secrets.put(Objects.requireNonNull(name, "name"), value.clone());
      return this;
    }

    /**
     * Start the mock.
     *
     * @return the running mock; close it to stop it
     * @throws IllegalStateException when the port cannot be bound
     */
    public SecretsManagerMock start() {
      return new SecretsManagerMock(this);
    }
  }
}
