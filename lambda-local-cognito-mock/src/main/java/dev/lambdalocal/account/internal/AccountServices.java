package dev.lambdalocal.account.internal;

import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.Mounts;
import dev.lambdalocal.aws.internal.sigv4.KeyRing;
import dev.lambdalocal.aws.internal.sigv4.ResolvedCredentials;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.lambda.LambdaServiceMock;
import dev.lambdalocal.secretsmanager.SecretsManagerMock;
import dev.lambdalocal.ssm.ParameterStoreMock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The services of one offline account and its key ring: Cognito Identity, Secrets Manager, SSM
 * Parameter Store and the Lambda service. To mount another service: start its public mock here,
 * close it in {@link #close()}, and add {@code Mounts.of(mock)} to {@link #mounted()}; its {@link
 * MountedService} names its X-Amz-Target prefix or REST paths and its signing name.
 */
public final class AccountServices implements AutoCloseable {

  private final KeyRing keys;
  private final CognitoMock cognito;
  private final SecretsManagerMock secretsManager;
  private final ParameterStoreMock parameterStore;
  private final LambdaServiceMock lambda;

  private AccountServices(
      KeyRing keys,
      CognitoMock cognito,
      SecretsManagerMock secretsManager,
      ParameterStoreMock parameterStore,
      LambdaServiceMock lambda) {
    this.keys = keys;
    this.cognito = cognito;
    this.secretsManager = secretsManager;
    this.parameterStore = parameterStore;
    this.lambda = lambda;
  }

  /**
   * Start every service of an account; the functions its Lambda service runs get {@code
   * functionEnvironment} (the account's endpoint and credentials it mints).
   */
  public static AccountServices start(
      String region,
      String accountId,
      Clock clock,
      Function<String, Map<String, String>> functionEnvironment) {
    KeyRing keys = new KeyRing(accountId, Clock.systemUTC());
    List<AutoCloseable> started = new ArrayList<>();
    try {
      CognitoMock cognito =
          CognitoMock.builder().region(region).accountId(accountId).clock(clock).start();
      started.add(cognito);
      SecretsManagerMock secrets =
          SecretsManagerMock.builder().region(region).accountId(accountId).clock(clock).start();
      started.add(secrets);
      ParameterStoreMock ssm =
          ParameterStoreMock.builder().region(region).accountId(accountId).clock(clock).start();
      started.add(ssm);
      LambdaServiceMock lambda =
          LambdaServiceMock.builder()
              .region(region)
              .accountId(accountId)
              .clock(clock)
              .acceptCredentialsOf(cognito)
              .platformEnvironment(functionEnvironment)
              .start();
      started.add(lambda);
      // Credentials Cognito issued sign requests to every service of the account.
      keys.accept(
          accessKeyId ->
              cognito
                  .issuedCredentials(accessKeyId)
                  .map(
                      issued ->
                          new ResolvedCredentials(
                              issued.secretKey(),
                              issued.sessionToken(),
                              issued.expiration(),
                              new KeyRing.Holder(
                                  "arn:aws:sts::"
                                      + accountId
                                      + ":assumed-role/"
                                      + issued
                                          .roleArn()
                                          .substring(issued.roleArn().indexOf('/') + 1)
                                      + "/CognitoIdentityCredentials",
                                  accessKeyId))));
      return new AccountServices(keys, cognito, secrets, ssm, lambda);
    } catch (RuntimeException e) {
      for (AutoCloseable closeable : started) {
        try {
          closeable.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Return the services to mount on the account's endpoint. */
  public List<MountedService> mounted() {
    return List.of(mount(cognito), mount(secretsManager), mount(parameterStore), mount(lambda));
  }

  private static MountedService mount(Object mock) {
    Optional<MountedService> service = Mounts.of(mock);
    return service.orElseThrow(() -> new IllegalStateException(mock + " registered no service"));
  }

  /** Return the account's key ring. */
  public KeyRing keys() {
    return keys;
  }

  /** Return the account's Cognito Identity. */
  public CognitoMock cognito() {
    return cognito;
  }

  /** Return the account's Secrets Manager. */
  public SecretsManagerMock secretsManager() {
    return secretsManager;
  }

  /** Return the account's Parameter Store. */
  public ParameterStoreMock parameterStore() {
    return parameterStore;
  }

  /** Return the account's Lambda service. */
  public LambdaServiceMock lambda() {
    return lambda;
  }

  /** Return the service behind the Secrets Manager. */
  public MountedService secretsService() {
    return mount(secretsManager);
  }

  /** Return the service behind the Parameter Store. */
  public MountedService ssmService() {
    return mount(parameterStore);
  }

  @Override
  public void close() {
    try {
      cognito.close();
    } finally {
      try {
        secretsManager.close();
      } finally {
        try {
          parameterStore.close();
        } finally {
          lambda.close();
        }
      }
    }
  }
}
