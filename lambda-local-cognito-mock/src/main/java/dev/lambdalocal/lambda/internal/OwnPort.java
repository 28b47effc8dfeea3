package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.ServiceRequest;

/**
 * The Lambda service as its own port's {@code ServiceRouter} mounts it: {@link
 * LambdaEndpoint#standalone()}, which verifies each request itself against the service's
 * credentials (the router's key ring is never asked), once the service is assembled, which needs
 * the bound port first. Requests for other services get the router's local error.
 */
public final class OwnPort implements MountedService {

  private volatile MountedService served;

  /** Answer with {@code endpoint} from now on. */
  public void serve(LambdaEndpoint endpoint) {
    served = endpoint.standalone();
  }

  @Override
  public String signingName() {
    return LambdaEndpoint.SERVICE;
  }

  @Override
  public boolean servesPath(String rawPath) {
    MountedService current = served;
    return current != null && current.servesPath(rawPath);
  }

  @Override
  public boolean requiresSignature(ServiceRequest request) {
    return false;
  }

  @Override
  public ServiceResponse handle(ServiceRequest request) {
    MountedService current = served;
    if (current == null) {
      // Only a client that guessed the port before the service told anyone gets here.
      return ServiceResponse.error(
          AwsError.of("ServiceException", "The Lambda service is starting; retry."));
    }
    return current.handle(request);
  }
}
