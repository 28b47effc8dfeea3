package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the packages {@code GetFunction}'s {@code Code.Location} points to: in AWS a presigned S3
 * URL, here an unsigned URL of the service itself, valid while the version is unchanged.
 */
final class CodeDownloads {

  static final String PREFIX = "/lambda-local/code/";
  private static final Pattern PATH =
      Pattern.compile(Pattern.quote(PREFIX) + "([^/]+)/([^/]+)/([^/]+)\\.zip");

  private CodeDownloads() {}

  /** Return the path of a version's package. */
  static String path(FunctionVersion version) {
    return PREFIX
        + version.name()
        + "/"
        + version.version().replace("$", "%24")
        + "/"
        + version.revisionId()
        + ".zip";
  }

  /** Answer a GET of a package path, or empty when {@code call} is not one. */
  static Optional<ServiceResponse> serve(HttpCall call, FunctionStore store) {
    Matcher matcher = PATH.matcher(call.rawPath());
    if (!call.verb().equals("GET") || !matcher.matches()) {
      return Optional.empty();
    }
    String name = HttpCall.decode(matcher.group(1));
    String version = HttpCall.decode(matcher.group(2));
    FunctionStore.View view;
    try {
      view = store.resolve(name, version);
    } catch (ApiError e) {
      return Optional.of(LambdaResponses.empty(404));
    }
    if (!view.version().revisionId().equals(matcher.group(3))) {
      return Optional.of(LambdaResponses.empty(404));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/zip");
    return Optional.of(new ServiceResponse(200, headers, view.version().code().bytes()));
  }
}
