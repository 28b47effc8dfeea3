package dev.lambdalocal.aws.internal.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service model's constraints, checked the way AWS checks them: every violation is collected
 * and the request fails with one {@code ValidationException} whose message reads {@code "1
 * validation error detected: Value 'x' at 'identityPoolId' failed to satisfy constraint: Member
 * must satisfy regular expression pattern: [\w-]+:[0-9a-f-]+"}. Members are named as AWS names
 * them, with a lower-case first letter.
 */
public final class Validation {

  /** The pattern of identity and identity pool ids. */
  public static final String COGNITO_ID = "[\\w-]+:[0-9a-f-]+";

  private final List<String> violations = new ArrayList<>();

  private void violation(Object value, String member, String constraint) {
    String shown = value == null ? "Value null" : "Value '" + value + "'";
    violations.add(shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
  }

  /** Check a member the model marks as required. */
  public Validation required(String member, Object value) {
    if (value == null) {
      violation(null, member, "Member must not be null");
    }
    return this;
  }

  /** Check a string's pattern (a full match) and length. */
  public Validation string(String member, String value, String pattern, int min, int max) {
    if (value == null) {
      return this;
    }
    if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
      violation(value, member, "Member must satisfy regular expression pattern: " + pattern);
    }
    return length(member, value, value.length(), min, max);
  }

  /** Check the number of entries of a map or list. */
  public Validation size(String member, Object value, int max) {
    int size;
    if (value instanceof Map<?, ?> map) {
      size = map.size();
    } else if (value instanceof Collection<?> collection) {
      size = collection.size();
    } else {
      return this;
    }
    return length(member, value, size, 0, max);
  }

  private Validation length(String member, Object value, int length, int min, int max) {
    if (length > max) {
      violation(value, member, "Member must have length less than or equal to " + max);
    }
    if (length < min) {
      violation(value, member, "Member must have length greater than or equal to " + min);
    }
    return this;
  }

  /** Check that every key of a map matches {@code pattern}, as AWS reports map keys. */
  public Validation mapKeys(String member, Map<String, ?> value, String pattern) {
    if (value == null) {
      return this;
    }
    for (String key : value.keySet()) {
      if (!Pattern.compile(pattern).matcher(key).matches()) {
        violation(
            value,
            member,
            "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: "
                + pattern
                + "]");
        break;
      }
    }
    return this;
  }

  /** Check a number's range. */
  public Validation range(String member, Long value, long min, long max) {
    if (value == null) {
      return this;
    }
    if (value > max) {
      violation(value, member, "Member must have value less than or equal to " + max);
    }
    if (value < min) {
      violation(value, member, "Member must have value greater than or equal to " + min);
    }
    return this;
  }

  /** Check that a value is one of an enum's, listed as AWS lists them in the message. */
  public Validation oneOf(String member, String value, List<String> values) {
    if (value != null && !values.contains(value)) {
      violation(value, member, "Member must satisfy enum value set: " + values);
    }
    return this;
  }

  /** Check an identity or identity pool id. */
  public Validation cognitoId(String member, String value) {
    return string(member, value, COGNITO_ID, 1, 55);
  }

  /** Throw AWS's {@code ValidationException} if any check failed. */
  public void check() {
    if (violations.isEmpty()) {
      return;
    }
    String count =
        violations.size() == 1
            ? "1 validation error detected: "
            : violations.size() + " validation errors detected: ";
    throw AwsError.of("ValidationException", count + String.join("; ", violations));
  }
}
