package dev.lambdalocal.packaging;

/**
 * An entry of a deployment package that a {@link SecretRule} matched.
 *
 * @param entry the entry's name in the package, {@code lib/<jar>!/<name>} inside a dependency
 * @param rule the rule that matched
 * @since 0.1.0
 */
public record SecretFinding(String entry, SecretRule rule) {

  /**
   * Describe the finding and how to allow it deliberately, in one line.
   *
   * @return the entry, the rule and the three ways to allow the entry
   */
  public String message() {
    return entry
        + ": "
        + rule.description()
        + " (rule "
        + rule.id()
        + "); if it must ship, allow it by name: allowSecret(\""
        + entry
        + "\"), Maven <allowSecrets><allowSecret>"
        + entry
        + "</allowSecret></allowSecrets>, or lambda-local package --allow-secret '"
        + entry
        + "'";
  }

  /**
   * Say, in one line, that the finding ships because it was allowed.
   *
   * @param allowedBy how it was allowed, e.g. {@code --allow-secret}
   * @return {@code Shipping <entry>, <rule description> (rule <id>): allowed by <allowedBy>}
   */
  public String allowedMessage(String allowedBy) {
    return "Shipping "
        + entry
        + ", "
        + rule.description()
        + " (rule "
        + rule.id()
        + "): allowed by "
        + allowedBy;
  }
}
