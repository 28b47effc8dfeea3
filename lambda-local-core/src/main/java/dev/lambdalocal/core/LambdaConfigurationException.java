package dev.lambdalocal.core;

/**
 * Thrown when a function is configured wrongly: a timeout or memory size out of Lambda's range, an
 * unreadable environment file, a JVM that does not allow the environment to be set.
 *
 * <p>The message names the option, file or value at fault.
 *
 * @since 0.1.0
 */
public class LambdaConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Create the exception.
   *
   * @param message what is wrong, naming the option, file or value
   */
  public LambdaConfigurationException(String message) {
    super(message);
  }

  /**
   * Create the exception with its cause.
   *
   * @param message what is wrong, naming the option, file or value
   * @param cause the underlying failure
   */
  public LambdaConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
