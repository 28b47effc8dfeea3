package dev.lambdalocal.ssm;

/**
 * The type of a Parameter Store parameter.
 *
 * @since 0.1.0
 */
public enum ParameterType {
  /** A plain string. */
  STRING("String"),
  /** A comma-separated list of strings. */
  STRING_LIST("StringList"),
  /** A string stored encrypted, returned in clear only with {@code WithDecryption}. */
  SECURE_STRING("SecureString");

  private final String awsName;

  ParameterType(String awsName) {
    this.awsName = awsName;
  }

  /**
   * Return the name the SSM API uses.
   *
   * @return {@code String}, {@code StringList} or {@code SecureString}
   */
  public String awsName() {
    return awsName;
  }
}
