package dev.lambdalocal.junit.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the setting a configuration error of lambda-local-core is about, so the message names the
 * {@code env} pair or {@code envFile} that caused it rather than the whole annotation.
 */
final class SettingOrigins {

  private static final String RESERVED = "Reserved keys used in this request: ";

  private SettingOrigins() {}

  /** The key under which the origin of environment variable {@code name} is kept. */
  static String variable(String name) {
    return "env:" + name;
  }

  /** The key under which the origin of environment file {@code file} is kept. */
  static String file(Path file) {
    return "file:" + file;
  }

  /**
   * Return the origin of the setting {@code message} is about, or {@code fallback}.
   *
   * @param message the message of core's {@code LambdaConfigurationException}
   * @param origins setting keys ({@link #variable}, {@link #file}) to where they were set
   * @param fallback the innermost annotation
   */
  static String blame(String message, Map<String, String> origins, String fallback) {
    int reserved = message.indexOf(RESERVED);
    if (reserved >= 0) {
      for (String name : message.substring(reserved + RESERVED.length()).split(", ")) {
        String origin = origins.get(variable(name.trim()));
        if (origin != null) {
          return origin;
        }
      }
      return fallback;
    }
    for (Map.Entry<String, String> entry : origins.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith("file:") && message.startsWith(key.substring(5) + ":")) {
        return entry.getValue();
      }
    }
    return fallback;
  }
}
