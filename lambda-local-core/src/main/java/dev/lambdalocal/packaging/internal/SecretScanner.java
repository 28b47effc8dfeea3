package dev.lambdalocal.packaging.internal;

import dev.lambdalocal.packaging.SecretFinding;
import dev.lambdalocal.packaging.SecretRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Applies the {@link SecretRule}s to the entries of a package, and inside its dependency JARs. */
public final class SecretScanner {

  private static final Set<String> CREDENTIAL_MODULES =
      Set.of("env.py", "secrets.py", "credentials.py");
  private static final Set<String> DOTENV_TEMPLATES = Set.of("example", "sample", "template");
  private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
  private static final Pattern CREDENTIALS_SETTING =
      Pattern.compile("(?im)^\\s*aws_secret_access_key\\s*=");
  // Access key ids:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
  // (AKIA long-term, ASIA temporary; 20 characters, upper case and digits).
  private static final Pattern ACCESS_KEY_ID =
      Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
  private static final Pattern SECRET_ACCESS_KEY =
      Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

  private SecretScanner() {}

  /**
   * Return the findings of one entry; a JAR's own entries are scanned too, named {@code
   * <entry>!/<inner>}.
   *
   * @param entry the entry's name in the package
   * @param content its bytes
   */
  public static List<SecretFinding> scan(String entry, byte[] content) throws IOException {
    List<SecretFinding> findings = new ArrayList<>();
    scanEntry(entry, content, findings);
    if (entry.endsWith(".jar")) {
      try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(content))) {
        for (ZipEntry inner; (inner = jar.getNextEntry()) != null; ) {
          if (inner.isDirectory()) {
            continue;
          }
          byte[] innerContent =
              isText(inner.getName()) ? jar.readNBytes(SecretRule.CONTENT_LIMIT + 1) : new byte[0];
          scanEntry(entry + "!/" + inner.getName(), innerContent, findings);
        }
      }
    }
    return findings;
  }

  private static void scanEntry(String entry, byte[] content, List<SecretFinding> findings) {
    String base = entry.substring(entry.lastIndexOf('/') + 1);
    String lowerBase = base.toLowerCase(Locale.ROOT);
    String text =
        isText(entry) && content.length <= SecretRule.CONTENT_LIMIT
            ? new String(content, StandardCharsets.ISO_8859_1)
            : "";
    if (isDotenv(base)) {
      findings.add(new SecretFinding(entry, SecretRule.DOTENV));
    }
    if (CREDENTIAL_MODULES.contains(base)) {
      findings.add(new SecretFinding(entry, SecretRule.CREDENTIAL_MODULE));
    }
    if (lowerBase.endsWith(".key")
        || (lowerBase.endsWith(".pem") && !onlyCertificates(text))
        || hasPrivateKeyBlock(text)) {
      findings.add(new SecretFinding(entry, SecretRule.PRIVATE_KEY));
    }
    if (lowerBase.endsWith(".p12") || lowerBase.endsWith(".pfx")) {
      findings.add(new SecretFinding(entry, SecretRule.PKCS12));
    }
    if (entry.endsWith(".aws/credentials") || CREDENTIALS_SETTING.matcher(text).find()) {
      findings.add(new SecretFinding(entry, SecretRule.AWS_CREDENTIALS_FILE));
    }
    if (hasAccessKeyPair(text)) {
      findings.add(new SecretFinding(entry, SecretRule.AWS_ACCESS_KEY));
    }
  }

  private static boolean isText(String entry) {
    return !entry.endsWith("/") && !entry.endsWith(".class") && !entry.endsWith(".jar");
  }

  private static boolean isDotenv(String base) {
    if (base.equals(".env")) {
      return true;
    }
    return base.startsWith(".env.")
        && !DOTENV_TEMPLATES.contains(base.substring(".env.".length()).toLowerCase(Locale.ROOT));
  }

  private static boolean onlyCertificates(String text) {
    Matcher block = PEM_BLOCK.matcher(text);
    boolean any = false;
    while (block.find()) {
      any = true;
      if (!block.group(1).equals("CERTIFICATE") && !block.group(1).equals("TRUSTED CERTIFICATE")) {
        return false;
      }
    }
    return any;
  }

  private static boolean hasPrivateKeyBlock(String text) {
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      if (block.group(1).endsWith("PRIVATE KEY")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAccessKeyPair(String text) {
    boolean id = false;
    for (Matcher m = ACCESS_KEY_ID.matcher(text); m.find(); ) {
      if (!m.group().endsWith("EXAMPLE")) {
        id = true;
        break;
      }
    }
    if (!id) {
      return false;
    }
    for (Matcher m = SECRET_ACCESS_KEY.matcher(text); m.find(); ) {
      String candidate = m.group();
      // Random base64: upper and lower case. Excludes hex digests (git ids) and AWS's examples.
      if (!candidate.contains("EXAMPLE")
          && !candidate.equals(candidate.toLowerCase(Locale.ROOT))
          && !candidate.equals(candidate.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
