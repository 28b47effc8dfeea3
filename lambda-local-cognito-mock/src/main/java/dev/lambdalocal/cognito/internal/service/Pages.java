package dev.lambdalocal.cognito.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Pagination for the List operations: {@code NextToken} is an opaque, encoded offset. */
final class Pages {

  private static final String PREFIX = "lambda-local:";

  private Pages() {}

  /** Return the page of {@code all} that starts at {@code nextToken}, setting the next token. */
  static <T> List<T> page(List<T> all, long maxResults, String nextToken, ObjectNode output) {
    int from = nextToken == null ? 0 : offset(nextToken);
    if (from > all.size()) {
      throw invalidToken();
    }
    int to = (int) Math.min(all.size(), from + maxResults);
    if (to < all.size()) {
      String token = PREFIX + to;
      output.put(
          "NextToken",
          Base64.getUrlEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return all.subList(from, to);
  }

  private static int offset(String nextToken) {
    try {
      String token = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
      if (token.startsWith(PREFIX)) {
        return Integer.parseInt(token.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // Not a token of ours (NumberFormatException is an IllegalArgumentException too).
      throw invalidToken();
    }
    throw invalidToken();
  }

  private static AwsError invalidToken() {
    return AwsError.invalidParameter("Invalid pagination token.");
  }
}
