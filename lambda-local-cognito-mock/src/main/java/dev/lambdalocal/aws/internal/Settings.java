package dev.lambdalocal.aws.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks of the settings the offline services' builders share: ports, regions, account ids, URLs,
 * timeouts.
 */
public final class Settings {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private Settings() {}

  /**
   * Return {@code port} if it is a TCP port or 0 (a free one).
   *
   * @throws IllegalArgumentException naming the setting otherwise
   */
  public static int port(String setting, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(setting + " must be 0..65535, was " + port);
    }
    return port;
  }

  /**
   * Return {@code region} if it has the form of an AWS region name.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static String region(String region) {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("region is not an AWS region name: " + region);
    }
    return region;
  }

  /**
   * Return {@code accountId} if it is an AWS account id: 12 digits.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static String accountId(String accountId) {
    if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("accountId must be 12 digits, was " + accountId);
    }
    return accountId;
  }

  /**
   * Return {@code uri} if it is an absolute http(s) URL without query or fragment.
   *
   * @throws IllegalArgumentException naming the setting otherwise
   */
  public static URI httpUri(String setting, URI uri) {
    Objects.requireNonNull(uri, setting);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          setting + " must be an absolute http(s) URL without query or fragment: " + uri);
    }
    return uri;
  }

  /**
   * Return {@code timeout} if it is positive.
   *
   * @throws IllegalArgumentException naming the setting otherwise
   */
  public static Duration positive(String setting, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive: " + timeout);
    }
    return timeout;
  }
}
