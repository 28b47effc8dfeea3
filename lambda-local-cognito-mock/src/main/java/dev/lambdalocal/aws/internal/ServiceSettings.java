package dev.lambdalocal.aws.internal;

import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.ServiceRouter;
import dev.lambdalocal.aws.internal.server.ServiceServer;
import dev.lambdalocal.aws.internal.sigv4.KeyRing;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The settings every offline service's builder has — its loopback port, region, account id and
 * clock — each checked as it is set. The public builders ({@code CognitoMock}, {@code
 * SecretsManagerMock}, {@code ParameterStoreMock}, {@code LambdaServiceMock}, {@code
 * OfflineAccount}) hold one and delegate their documented setters to it; a builder may be started
 * again after a change, so a service copies the values it keeps.
 */
public final class ServiceSettings {

  /** The region when none is given. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** The account id when none is given (the one AWS's documentation uses). */
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  private int port;
  private String region = DEFAULT_REGION;
  private String accountId = DEFAULT_ACCOUNT_ID;
  private Clock clock = Clock.systemUTC();

  /**
   * Listen on {@code port}; 0 (the default) takes a free one.
   *
   * @throws IllegalArgumentException when it is not 0..65535
   */
  public void port(int port) {
    this.port = Settings.port("port", port);
  }

  /**
   * Serve {@code region} (default {@value #DEFAULT_REGION}).
   *
   * @throws IllegalArgumentException when it is not an AWS region name
   */
  public void region(String region) {
    this.region = Settings.region(region);
  }

  /**
   * Set the account of the ARNs (default {@value #DEFAULT_ACCOUNT_ID}).
   *
   * @throws IllegalArgumentException when it is not 12 digits
   */
  public void accountId(String accountId) {
    this.accountId = Settings.accountId(accountId);
  }

  /** Use {@code clock} for the service's dates (default: the system clock). */
  public void clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Return the port, 0 for a free one. */
  public int port() {
    return port;
  }

  /** Return the region. */
  public String region() {
    return region;
  }

  /** Return the account id. */
  public String accountId() {
    return accountId;
  }

  /** Return the clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * Start the server of one standalone service on the port: every request is verified (SigV4)
   * against the account's long-term key, whose signatures are checked with the system clock.
   *
   * @param what what is started, for the error message, e.g. {@code the Secrets Manager mock}
   * @throws IllegalStateException naming the address when the port cannot be bound
   */
  public ServiceServer startServer(MountedService service, String what) {
    return startServer(List.of(service), new KeyRing(accountId, Clock.systemUTC()), what);
  }

  /**
   * Start the server of {@code services} on the port, verifying requests against {@code keys}.
   *
   * @param what what is started, for the error message, e.g. {@code the offline account}
   * @throws IllegalStateException naming the address when the port cannot be bound
   */
  public ServiceServer startServer(List<MountedService> services, KeyRing keys, String what) {
    return new ServiceServer(port, new ServiceRouter(services, keys, region), what);
  }
}
