package dev.lambdalocal.aws.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks of the settings the offline services' builders share: regions, URLs, timeouts. */
public final class Settings {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  private Settings() {}

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
