package dev.lambdalocal.aws.internal.sigv4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The credentials an offline account accepts: its long-term key (AWS's documented example key), the
 * temporary credentials it minted for execution roles, and those other resolvers know (the
 * credentials Cognito issued). Thread-safe.
 */
public final class KeyRing implements CredentialsResolver {

  /** The access key id of the account's long-term key (AWS's example key). */
  public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

  /** The secret key of the account's long-term key (AWS's example key). */
  public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private static final char[] KEY_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  /**
   * Whom a set of credentials identifies.
   *
   * @param arn the caller's ARN: the account root for the long-term key, {@code
   *     arn:aws:sts::<account>:assumed-role/<role>/<session>} for minted credentials
   * @param accessKeyId the access key id
   */
  public record Holder(String arn, String accessKeyId) {}

  /**
   * Temporary credentials the account minted, as Lambda gives a function its execution role's.
   *
   * @param accessKeyId {@code ASIA} and 16 characters
   * @param secretAccessKey 40 characters
   * @param sessionToken the session token
   * @param expiration when they stop working
   * @param holder whom they identify
   */
  public record Minted(
      String accessKeyId,
      String secretAccessKey,
      String sessionToken,
      Instant expiration,
      Holder holder) {

    /** Return what a resolver answers for these credentials. */
    public ResolvedCredentials resolved() {
      return new ResolvedCredentials(secretAccessKey, sessionToken, expiration, holder);
    }
  }

  private final String accountId;
  private final Clock clock;
  private final Map<String, Minted> minted = new ConcurrentHashMap<>();
  private final List<CredentialsResolver> others = new CopyOnWriteArrayList<>();

  /**
   * Create the key ring of an account.
   *
   * @param accountId the account of the ARNs of callers
   * @param clock the clock of signatures and expirations: the system clock, since clients sign with
   *     the real time even when an account's resources are dated by a test clock
   */
  public KeyRing(String accountId, Clock clock) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Return the clock expirations are measured by. */
  public Clock clock() {
    return clock;
  }

  /** Also accept the credentials {@code resolver} knows. */
  public void accept(CredentialsResolver resolver) {
    others.add(Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * Mint temporary credentials for a role session.
   *
   * @param roleName the role, e.g. {@code my-function-role}
   * @param sessionName the session, e.g. the function name
   * @param lifetime how long they work
   * @return the credentials, accepted from now on
   */
  public Minted mint(String roleName, String sessionName, Duration lifetime) {
    String accessKeyId = "ASIA" + random(KEY_ID_CHARS, 16);
    byte[] secret = new byte[30];
    RandomBytes.fill(secret);
    byte[] token = new byte[96];
    RandomBytes.fill(token);
    Minted credentials =
        new Minted(
            accessKeyId,
            Base64.getEncoder().encodeToString(secret),
            "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(token),
            clock.instant().plus(lifetime),
            new Holder(
                "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName,
                accessKeyId));
    minted.put(accessKeyId, credentials);
    return credentials;
  }

  /** Return every credential set minted, in no particular order. */
  public List<Minted> minted() {
    return new ArrayList<>(minted.values());
  }

  @Override
  public Optional<ResolvedCredentials> resolve(String accessKeyId) {
    if (ACCESS_KEY_ID.equals(accessKeyId)) {
      return Optional.of(
          new ResolvedCredentials(
              SECRET_KEY,
              null,
              null,
              new Holder("arn:aws:iam::" + accountId + ":root", accessKeyId)));
    }
    Minted credentials = minted.get(accessKeyId);
    if (credentials != null) {
      return Optional.of(credentials.resolved());
    }
    for (CredentialsResolver other : others) {
      Optional<ResolvedCredentials> resolved = other.resolve(accessKeyId);
      if (resolved.isPresent()) {
        return resolved;
      }
    }
    return Optional.empty();
  }

  /** Return {@code length} characters of a 32-character alphabet, 5 random bits each. */
  private static String random(char[] alphabet, int length) {
    byte[] bytes = new byte[length];
    RandomBytes.fill(bytes);
    StringBuilder text = new StringBuilder(length);
    for (byte b : bytes) {
      text.append(alphabet[(b & 0xff) % alphabet.length]);
    }
    return text.toString();
  }
}
