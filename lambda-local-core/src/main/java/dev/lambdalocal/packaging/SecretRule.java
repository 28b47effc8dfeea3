package dev.lambdalocal.packaging;

/**
 * A kind of content that {@link FunctionPackage} refuses to put in a deployment package unless the
 * entry is allowed by name ({@link FunctionPackage.Builder#allowSecret(String)}).
 *
 * <p>Rules look at every entry of the package: the function's own files, each dependency JAR's file
 * name and each file inside the dependency JARs. Content is read for text entries only (not {@code
 * .class} files or nested archives) up to {@value #CONTENT_LIMIT} bytes.
 *
 * @since 0.1.0
 */
public enum SecretRule {
  /**
   * A dotenv file: {@code .env} or {@code .env.<name>} ({@code .example}, {@code .sample}, {@code
   * .template} excepted).
   */
  DOTENV("dotenv", "a .env file of environment variables"),
  /**
   * A module of credentials in code: {@code env.py}, {@code secrets.py}, {@code credentials.py}.
   */
  CREDENTIAL_MODULE("credential-module", "a module of credentials like env.py"),
  /**
   * A private key: a {@code .key} file, a {@code .pem} file that holds more than certificates, or
   * any text with a PEM {@code PRIVATE KEY} block.
   */
  PRIVATE_KEY("private-key", "a private key"),
  /** A PKCS#12 key store: {@code .p12} or {@code .pfx}. */
  PKCS12("pkcs12", "a PKCS#12 key store"),
  /**
   * An AWS shared credentials file: {@code .aws/credentials}, or text that sets {@code
   * aws_secret_access_key}.
   */
  AWS_CREDENTIALS_FILE("aws-credentials-file", "an AWS credentials file"),
  /**
   * Text holding an AWS access key id ({@code AKIA…}/{@code ASIA…}) and a 40-character secret
   * access key; AWS's documented examples (ending in {@code EXAMPLE}) are not secrets.
   */
  AWS_ACCESS_KEY("aws-access-key", "an AWS access key id with its secret access key");

  /** The largest text entry whose content the rules read, in bytes. */
  public static final int CONTENT_LIMIT = 1024 * 1024;

  private final String id;
  private final String description;

  SecretRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** Return the rule's name in messages and documentation, such as {@code private-key}. */
  public String id() {
    return id;
  }

  /** Return what the rule found, in words: "a private key". */
  public String description() {
    return description;
  }
}
