package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.ServiceRequest;
import dev.lambdalocal.aws.internal.sigv4.RequestHeaders;
import dev.lambdalocal.aws.internal.sigv4.SigV4Request;
import dev.lambdalocal.aws.internal.sigv4.SigV4Verifier;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The whole Lambda service behind one handler, independent of any HTTP server: package downloads
 * (unsigned, as presigned S3 URLs are), then Signature Version 4 verification (service {@code
 * lambda}), then the API. The service's own port serves it as {@link #standalone()}, verifying with
 * the service's credentials; the offline account's single endpoint as {@link #mounted()}, verifying
 * with the account's. Both receive the requests a {@code ServiceRouter} routes to Lambda
 * (credential scope service {@code lambda}, or a path under {@code /2015-03-31/} or {@code
 * /lambda-local/code/}).
 */
public final class LambdaEndpoint {

  /** The signing name of Lambda in SigV4 credential scopes. */
  public static final String SERVICE = "lambda";

  private final LambdaApi api;
  private final FunctionStore store;
  private final SigV4Verifier verifier;

  /** Verify with {@code verifier} (service {@value #SERVICE}) and answer with {@code api}. */
  public LambdaEndpoint(LambdaApi api, FunctionStore store, SigV4Verifier verifier) {
    this.api = api;
    this.store = store;
    this.verifier = verifier;
  }

  /** Answer one request. */
  public ServiceResponse handle(HttpCall call) {
    Optional<ServiceResponse> download = CodeDownloads.serve(call, store);
    if (download.isPresent()) {
      return download.get();
    }
    VerificationResult result =
        verifier.verify(
            SigV4Request.builder()
                .method(call.method())
                .rawPath(call.rawPath())
                .rawQuery(call.rawQuery())
                .headers(RequestHeaders.of(call.headers()))
                .body(call.body())
                .build());
    if (result instanceof VerificationResult.Rejected rejected) {
      return LambdaResponses.error(forbidden(rejected));
    }
    return api.handle(call);
  }

  /**
   * Return this service as its own port serves it: like {@link #mounted()}, but each request is
   * verified here, against the service's credentials, and refused with Lambda's own answers (HTTP
   * 403 {@code UnrecognizedClientException}, …).
   */
  public MountedService standalone() {
    // handle(HttpCall) verifies the signature itself.
    return new Mounted(request -> false, request -> handle(call(request)));
  }

  /**
   * Return this service as the offline account's single endpoint mounts it: requests signed for
   * {@code lambda}, or under {@code /2015-03-31/} (the API) or {@code /lambda-local/code/} (package
   * downloads, unsigned as presigned S3 URLs are). The account has verified the signature against
   * its own key ring, so the API answers directly.
   */
  public MountedService mounted() {
    return new Mounted(
        request -> !request.rawPath().startsWith(CodeDownloads.PREFIX),
        request -> {
          HttpCall call = call(request);
          return CodeDownloads.serve(call, store).orElseGet(() -> api.handle(call));
        });
  }

  /** The service under the signing name {@value #SERVICE} and its paths, one way or the other. */
  private record Mounted(
      Predicate<ServiceRequest> signed, Function<ServiceRequest, ServiceResponse> handler)
      implements MountedService {

    @Override
    public String signingName() {
      return SERVICE;
    }

    @Override
    public boolean servesPath(String rawPath) {
      return serves(rawPath);
    }

    @Override
    public boolean requiresSignature(ServiceRequest request) {
      return signed.test(request);
    }

    @Override
    public ServiceResponse handle(ServiceRequest request) {
      return handler.apply(request);
    }
  }

  private static boolean serves(String rawPath) {
    return rawPath.startsWith("/2015-03-31/") || rawPath.startsWith(CodeDownloads.PREFIX);
  }

  private static HttpCall call(ServiceRequest request) {
    return new HttpCall(
        request.method(),
        request.rawPath(),
        request.rawQuery(),
        request.headers().asMap(),
        request.body());
  }

  /**
   * Lambda's answer to a request authentication failure: the texts are those of AWS's shared
   * request authentication (see {@code ApiGatewayErrors}), but an unknown or invalid key is
   * Lambda's {@code UnrecognizedClientException} (seen from {@code lambda DeleteFunction} in
   * iann0036/iamlive#58) where API Gateway says {@code AccessDeniedException}.
   */
  static ApiError forbidden(VerificationResult.Rejected rejected) {
    String type =
        rejected.errorType().equals("AccessDeniedException")
            ? "UnrecognizedClientException"
            : rejected.errorType();
    return ApiError.forbidden(type, rejected.message());
  }
}
