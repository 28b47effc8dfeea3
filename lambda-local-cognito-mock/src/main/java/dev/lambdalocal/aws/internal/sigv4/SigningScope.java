package dev.lambdalocal.aws.internal.sigv4;

import java.time.Instant;

/**
 * The parts of a SigV4 credential: {@code <access key id>/<date>/<region>/<service>/<terminator>}.
 */
record SigningScope(
    String accessKeyId, String date, String region, String service, String terminator) {

  static final String TERMINATOR = "aws4_request";

  /** Split a credential; AWS ignores trailing slashes and wants exactly five elements. */
  static SigningScope parse(String credential) throws Rejection {
    int end = credential.length();
    while (end > 0 && credential.charAt(end - 1) == '/') {
      end--;
    }
    String[] parts = credential.substring(0, end).split("/", -1);
    if (parts.length != 5) {
      throw ApiGatewayErrors.malformedCredential(credential);
    }
    return new SigningScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
  }

  /** Return the scope as the string to sign carries it: everything but the access key id. */
  String scope() {
    return date + "/" + region + "/" + service + "/" + terminator;
  }

  /** Check the scope against the API's region and service and the request's timestamp. */
  void check(String expectedRegion, String expectedService, Instant timestamp) throws Rejection {
    // AWS reports every mismatch at once, in this order, each sentence followed by a space.
    StringBuilder message = new StringBuilder();
    if (!region.equals(expectedRegion)) {
      message
          .append("Credential should be scoped to a valid region, not '")
          .append(region)
          .append("'. ");
    }
    if (!service.equals(expectedService)) {
      message
          .append("Credential should be scoped to correct service: '")
          .append(expectedService)
          .append("'. ");
    }
    if (!terminator.equals(TERMINATOR)) {
      message
          .append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
          .append(terminator)
          .append("'. ");
    }
    String expectedDate = AmzDates.formatDate(timestamp);
    if (!date.equals(expectedDate)) {
      message
          .append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date")
          .append(" from HTTP: '")
          .append(date)
          .append("' != '")
          .append(expectedDate)
          .append("', from '")
          .append(AmzDates.format(timestamp))
          .append("'.");
    }
    if (message.length() > 0) {
      throw ApiGatewayErrors.badCredentialScope(message.toString());
    }
  }
}
