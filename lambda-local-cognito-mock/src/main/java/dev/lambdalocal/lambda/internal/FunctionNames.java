package dev.lambdalocal.lambda.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARNs of one region and account, and the forms of {@code FunctionName} the API accepts. */
public final class FunctionNames {

  // The FunctionName pattern of Lambda's service model (Invoke, GetFunction, …).
  private static final Pattern NAME =
      Pattern.compile(
          "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d:)?(\\d{12}:)?(function:)?"
              + "([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

  /** The pattern of a function name proper ({@code CreateFunction}'s {@code FunctionName}). */
  static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

  private final String region;
  private final String accountId;

  /** Name functions of {@code region} and {@code accountId}. */
  public FunctionNames(String region, String accountId) {
    this.region = region;
    this.accountId = accountId;
  }

  /** Return {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
  public String arn(String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }

  /** Return the ARN with {@code :<qualifier>} unless the qualifier is null. */
  public String arn(String name, String qualifier) {
    return qualifier == null ? arn(name) : arn(name) + ":" + qualifier;
  }

  /**
   * A {@code FunctionName} as given, split.
   *
   * @param name the function name proper
   * @param qualifier the qualifier within the name ({@code fn:alias}), or null
   * @param foreign whether the ARN names another region or account (so nothing here matches)
   */
  record Parsed(String name, String qualifier, boolean foreign) {}

  /**
   * Split a {@code FunctionName}: a name, {@code name:qualifier}, a partial ARN {@code
   * 123456789012:function:name} or a full ARN.
   *
   * @throws ApiError a {@code ValidationException} when it has none of these forms
   */
  Parsed parse(String functionName) {
    Matcher matcher = NAME.matcher(functionName == null ? "" : functionName);
    if (functionName == null || functionName.length() > 170 || !matcher.matches()) {
      throw validation(functionName, "functionName", NAME.pattern());
    }
    String arnRegion = matcher.group(3);
    String arnAccount = matcher.group(5);
    boolean foreign =
        (arnRegion != null && !arnRegion.equals(region + ":"))
            || (arnAccount != null && !arnAccount.equals(accountId + ":"));
    return new Parsed(matcher.group(7), matcher.group(9), foreign);
  }

  /** AWS's one-violation {@code ValidationException}, as the service model's checks word it. */
  static ApiError validation(Object value, String member, String pattern) {
    return new ApiError(
        "ValidationException",
        400,
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
            + pattern);
  }
}
