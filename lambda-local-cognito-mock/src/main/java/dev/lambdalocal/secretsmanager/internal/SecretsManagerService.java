package dev.lambdalocal.secretsmanager.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.ServiceRequest;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Secrets Manager behind its AWS JSON 1.1 protocol ({@code X-Amz-Target: secretsmanager.…}).
 * One lock serializes all state, so each operation is atomic.
 */
public final class SecretsManagerService implements MountedService {

  /** The staging label of the current version. */
  public static final String AWSCURRENT = "AWSCURRENT";

  /** The staging label of the version before the current one. */
  public static final String AWSPREVIOUS = "AWSPREVIOUS";

  /** The staging label of a version being rotated in. */
  public static final String AWSPENDING = "AWSPENDING";

  private static final String TARGET_PREFIX = "secretsmanager.";
  private static final System.Logger LOGGER =
      System.getLogger(SecretsManagerService.class.getName());
  private static final char[] SUFFIX_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String region;
  private final String accountId;
  private final Clock clock;
  private final Map<String, StoredSecret> secrets = new LinkedHashMap<>();
  private final SecretOperations operations;

  /** Create an empty store. */
  public SecretsManagerService(String region, String accountId, Clock clock) {
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
    this.operations = new SecretOperations(this);
  }

  @Override
  public String signingName() {
    return "secretsmanager";
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  @Override
  public ServiceResponse handle(ServiceRequest request) {
    String target = request.header("X-Amz-Target");
    try {
      if (!"POST".equals(request.method()) || target == null || !target.startsWith(TARGET_PREFIX)) {
        throw AwsError.unknownOperation();
      }
      String operation = target.substring(TARGET_PREFIX.length());
      Input input = new Input(Json.parseObject(request.body()));
      ObjectNode output;
      synchronized (this) {
        output = operations.dispatch(operation, input);
      }
      return ServiceResponse.ok(Json.write(output));
    } catch (AwsError error) {
      return ServiceResponse.error(error);
    } catch (RuntimeException e) {
      LOGGER.log(Level.ERROR, "lambda-local Secrets Manager failed on " + target, e);
      return ServiceResponse.error(
          AwsError.internal("Internal error in lambda-local's Secrets Manager: " + e));
    }
  }

  Clock clock() {
    return clock;
  }

  /** Return a new ARN for {@code name}, with Secrets Manager's six random characters. */
  String newArn(String name) {
    StringBuilder suffix = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      suffix.append(SUFFIX_CHARS[RANDOM.nextInt(SUFFIX_CHARS.length)]);
    }
    return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + name + "-" + suffix;
  }

  /** Return the secrets in order of creation, dropping those whose deletion date has passed. */
  Map<String, StoredSecret> secrets() {
    secrets
        .values()
        .removeIf(s -> s.deletionDate != null && !clock.instant().isBefore(s.deletionDate));
    return secrets;
  }

  /**
   * Find a secret by name, full ARN or partial ARN (the ARN without its random suffix).
   *
   * @return the secret, even when it is marked for deletion
   */
  Optional<StoredSecret> find(String secretId) {
    if (secretId == null) {
      return Optional.empty();
    }
    for (StoredSecret secret : secrets().values()) {
      if (secret.name.equals(secretId)
          || secret.arn.equals(secretId)
          || secret.arn.substring(0, secret.arn.length() - 7).equals(secretId)) {
        return Optional.of(secret);
      }
    }
    return Optional.empty();
  }

  /** Find a secret that is not marked for deletion, or throw AWS's error. */
  StoredSecret live(String secretId) {
    StoredSecret secret = find(secretId).orElseThrow(SecretsErrors::notFound);
    if (secret.deletionDate != null) {
      throw SecretsErrors.markedForDeletion();
    }
    return secret;
  }

  // The programmatic side, for SecretsManagerMock: the same operations without the wire.

  /** Create a string secret, or put a new current version if it exists. */
  public synchronized String putString(String name, String value) {
    return put(name, value, null);
  }

  /** Create a binary secret, or put a new current version if it exists. */
  public synchronized String putBinary(String name, byte[] value) {
    return put(name, null, value.clone());
  }

  private String put(String name, String string, byte[] binary) {
    Optional<StoredSecret> existing = find(name);
    if (existing.isPresent()) {
      StoredSecret secret = existing.get();
      if (secret.deletionDate != null) {
        throw new IllegalStateException("Secret " + name + " is marked for deletion");
      }
      operations.newVersion(secret, null, string, binary, List.of(AWSCURRENT));
      return secret.arn;
    }
    return operations.create(name, string, binary, null).arn;
  }

  /** Return the current string value of a secret that exists and is not deleted. */
  public synchronized Optional<String> currentString(String name) {
    return find(name)
        .filter(s -> s.deletionDate == null)
        .flatMap(s -> s.byStage(AWSCURRENT))
        .map(v -> v.string);
  }

  /** Return the names of the secrets that exist, deleted ones included. */
  public synchronized Set<String> names() {
    return Set.copyOf(secrets().keySet());
  }
}
