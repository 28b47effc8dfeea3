package dev.lambdalocal.cognito.internal.server;

import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.ServiceRequest;
import dev.lambdalocal.cognito.internal.service.CognitoIdentityService;
import java.util.Set;

/** Cognito Identity as the offline account's single endpoint serves it. */
public final class CognitoMount implements MountedService {

  // The operations Cognito Identity's service model marks as unsigned ("authtype": "none").
  private static final Set<String> UNSIGNED =
      Set.of(
          "AWSCognitoIdentityService.GetId",
          "AWSCognitoIdentityService.GetCredentialsForIdentity",
          "AWSCognitoIdentityService.GetOpenIdToken",
          "AWSCognitoIdentityService.UnlinkIdentity");

  private final CognitoIdentityService service;

  /** Serve {@code service}. */
  public CognitoMount(CognitoIdentityService service) {
    this.service = service;
  }

  @Override
  public String signingName() {
    return "cognito-identity";
  }

  @Override
  public String targetPrefix() {
    return CognitoIdentityService.TARGET_PREFIX;
  }

  @Override
  public boolean requiresSignature(ServiceRequest request) {
    return !UNSIGNED.contains(request.header("X-Amz-Target"));
  }

  @Override
  public ServiceResponse handle(ServiceRequest request) {
    return service.handle(request.method(), request.header("X-Amz-Target"), request.body());
  }
}
