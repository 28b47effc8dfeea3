package dev.lambdalocal.aws.internal.server;

import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.sigv4.KeyRing;
import dev.lambdalocal.aws.internal.sigv4.SigV4Request;
import dev.lambdalocal.aws.internal.sigv4.SigV4Verifier;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes each request on one loopback port to the service it is for, the way AWS clients address
 * services: the {@code X-Amz-Target} header of the AWS JSON protocols first, then the service name
 * of the SigV4 credential scope, then a REST service's paths. Every service's requests are then
 * verified against the account's {@link KeyRing}, as AWS verifies them, except for the operations
 * AWS leaves unsigned.
 *
 * <p>A request for a service nobody mounted gets a local 400 naming the service and what is served:
 * nothing ever leaves loopback.
 */
public final class ServiceRouter {

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");

  private final List<MountedService> services;
  private final Map<String, SigV4Verifier> verifiers = new LinkedHashMap<>();

  /**
   * Route to {@code services}, verifying signatures with {@code keys} in {@code region}.
   *
   * @throws IllegalArgumentException when two services share a signing name or target prefix
   */
  public ServiceRouter(List<MountedService> services, KeyRing keys, String region) {
    this.services = List.copyOf(services);
    List<String> prefixes = new ArrayList<>();
    for (MountedService service : this.services) {
      String name = service.signingName();
      if (verifiers.containsKey(name)) {
        throw new IllegalArgumentException("Two services sign as " + name);
      }
      String prefix = service.targetPrefix();
      if (prefix != null) {
        if (prefixes.contains(prefix)) {
          throw new IllegalArgumentException("Two services answer X-Amz-Target " + prefix);
        }
        prefixes.add(prefix);
      }
      verifiers.put(
          name,
          SigV4Verifier.builder()
              .credentials(keys)
              .region(region)
              .clock(keys.clock())
              .service(name)
              .build());
    }
  }

  /** Return the signing names of the services routed to, in order of mounting. */
  public List<String> serviceNames() {
    return List.copyOf(verifiers.keySet());
  }

  /** Answer one request; never throws. */
  public ServiceResponse route(ServiceRequest request) {
    MountedService service = find(request);
    if (service == null) {
      return ServiceResponse.error(notServed(request));
    }
    if (!service.requiresSignature(request)) {
      return service.handle(request);
    }
    SigV4Request signed =
        SigV4Request.builder()
            .method(request.method())
            .rawPath(request.rawPath())
            .rawQuery(request.rawQuery())
            .headers(request.headers())
            .body(request.body())
            .build();
    VerificationResult result = verifiers.get(service.signingName()).verify(signed);
    if (result instanceof VerificationResult.Verified verified) {
      return service.handle(request.withPrincipal(verified.principal()));
    }
    return ServiceResponse.error(signatureError((VerificationResult.Rejected) result));
  }

  private MountedService find(ServiceRequest request) {
    String target = request.header("X-Amz-Target");
    if (target != null) {
      for (MountedService service : services) {
        String prefix = service.targetPrefix();
        if (prefix != null && target.startsWith(prefix)) {
          return service;
        }
      }
      return null;
    }
    String signedFor = scopeService(request);
    if (signedFor != null) {
      for (MountedService service : services) {
        if (service.signingName().equals(signedFor)) {
          return service;
        }
      }
      return null;
    }
    for (MountedService service : services) {
      if (service.servesPath(request.rawPath())) {
        return service;
      }
    }
    return null;
  }

  /** Return the service of the SigV4 credential scope, from the header or a presigned query. */
  static String scopeService(ServiceRequest request) {
    String credential = null;
    String authorization = request.header("Authorization");
    if (authorization != null) {
      Matcher matcher = CREDENTIAL.matcher(authorization);
      if (matcher.find()) {
        credential = matcher.group(1);
      }
    } else {
      for (String pair : request.rawQuery().split("&")) {
        if (pair.startsWith("X-Amz-Credential=")) {
          credential =
              URLDecoder.decode(
                  pair.substring("X-Amz-Credential=".length()), StandardCharsets.UTF_8);
        }
      }
    }
    if (credential == null) {
      return null;
    }
    String[] parts = credential.split("/");
    return parts.length >= 4 ? parts[3] : null;
  }

  private AwsError notServed(ServiceRequest request) {
    String target = request.header("X-Amz-Target");
    String signedFor = scopeService(request);
    String what =
        target != null
            ? "X-Amz-Target " + target
            : signedFor != null
                ? "requests signed for " + signedFor
                : request.method() + " " + request.rawPath();
    return AwsError.of(
        "LambdaLocalServiceNotServed",
        "lambda-local's offline account does not serve "
            + what
            + " (it serves "
            + String.join(", ", serviceNames())
            + "); nothing was sent to AWS. Point this service's client elsewhere with"
            + " AWS_ENDPOINT_URL_<SERVICE>, e.g. AWS_ENDPOINT_URL_DYNAMODB for DynamoDB Local.");
  }

  /**
   * Turn API Gateway's answer to a bad signature into the one AWS JSON services send: the same
   * texts with HTTP 400, except that an unknown key is {@code UnrecognizedClientException} and a
   * missing signature "Request is missing Authentication Token" (as DynamoDB and the other Coral
   * services answer; see ApiGatewayErrors).
   */
  private static AwsError signatureError(VerificationResult.Rejected rejected) {
    return switch (rejected.errorType()) {
      case "AccessDeniedException" ->
          AwsError.of(
              "UnrecognizedClientException",
              "The security token included in the request is invalid.");
      case "MissingAuthenticationTokenException" ->
          AwsError.of(
              "MissingAuthenticationTokenException", "Request is missing Authentication Token");
      default -> AwsError.of(rejected.errorType(), rejected.message());
    };
  }
}
