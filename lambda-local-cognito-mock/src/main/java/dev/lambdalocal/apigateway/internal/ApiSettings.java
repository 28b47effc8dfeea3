package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.ApiGatewayMock.ApiType;
import dev.lambdalocal.apigateway.IamAuthorizer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything an API's server needs, resolved and validated by the public builder.
 *
 * @param type REST or HTTP API
 * @param stage the stage name; {@code $default} has no path prefix
 * @param region the region of the API's domain name
 * @param accountId the account of {@code requestContext.accountId}
 * @param apiId the 10-character API id
 * @param integrationTimeout how long API Gateway waits for the function
 * @param binaryMediaTypes REST API binary media types, lower case
 * @param iamAuthorizer the decision for {@code AWS_IAM} routes
 * @param clock the clock of request times
 * @param routes the routes
 * @param integrationHosts the local endpoints of HTTP integrations' hosts, by lower-case host
 */
public record ApiSettings(
    ApiType type,
    String stage,
    String region,
    String accountId,
    String apiId,
    Duration integrationTimeout,
    List<String> binaryMediaTypes,
    IamAuthorizer iamAuthorizer,
    Clock clock,
    RouteTable routes,
    Map<String, URI> integrationHosts) {

  /** Return {@code /<stage>}, or the empty string for HTTP API's {@code $default} stage. */
  public String stagePrefix() {
    return stage.equals("$default") ? "" : "/" + stage;
  }

  /** Return the API's domain name, {@code <apiId>.execute-api.<region>.amazonaws.com}. */
  public String domainName() {
    return apiId + ".execute-api." + region + ".amazonaws.com";
  }

  /** Return whether REST API treats {@code contentType} as binary. */
  boolean isRestBinary(String contentType) {
    if (contentType == null || binaryMediaTypes.isEmpty()) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (String binary : binaryMediaTypes) {
      if (binary.equals("*/*")
          || binary.equals(type)
          || (binary.endsWith("/*") && type.startsWith(binary.substring(0, binary.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
