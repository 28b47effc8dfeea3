package dev.lambdalocal.packaging;

import java.util.List;

/**
 * Thrown when a deployment package cannot be built: an input that does not exist, two dependencies
 * with one file name, or entries that look like secrets (one line per {@linkplain #findings()
 * finding}).
 *
 * @since 0.1.0
 */
public class PackagingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<SecretFinding> findings;

  /**
   * Create the exception for an input at fault.
   *
   * @param message what is wrong, naming the file or entry
   */
  public PackagingException(String message) {
    this(message, List.of(), null);
  }

  /**
   * Create the exception with its findings and cause.
   *
   * @param message what is wrong, naming the file or entry
   * @param findings the secrets found, possibly empty
   * @param cause the underlying failure, or {@code null}
   */
  public PackagingException(String message, List<SecretFinding> findings, Throwable cause) {
    super(message, cause);
    this.findings = List.copyOf(findings);
  }

  /** Return the entries refused as secrets, in entry order; empty for other failures. */
  public List<SecretFinding> findings() {
    return findings;
  }
}
