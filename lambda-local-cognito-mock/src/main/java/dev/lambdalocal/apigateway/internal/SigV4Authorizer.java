package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.aws.internal.sigv4.RequestHeaders;
import dev.lambdalocal.aws.internal.sigv4.ResolvedCredentials;
import dev.lambdalocal.aws.internal.sigv4.SigV4Request;
import dev.lambdalocal.aws.internal.sigv4.SigV4Verifier;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IssuedCredentials;
import java.util.Optional;

/**
 * API Gateway's IAM authorization against the credentials a {@link CognitoMock} issued: the
 * request's SigV4 signature is verified, and the caller is the Cognito identity the credentials
 * belong to.
 */
public final class SigV4Authorizer implements IamAuthorizer {

  private final SigV4Verifier verifier;

  /**
   * Verify signatures made with the credentials {@code cognito} issued, in its region and on its
   * clock.
   *
   * @param cognito the Cognito mock whose credentials sign the requests
   */
  public SigV4Authorizer(CognitoMock cognito) {
    this.verifier =
        SigV4Verifier.builder()
            .credentials(accessKeyId -> resolve(cognito, accessKeyId))
            .region(cognito.region())
            .clock(cognito.clock())
            .build();
  }

  private static Optional<ResolvedCredentials> resolve(CognitoMock cognito, String accessKeyId) {
    return cognito
        .issuedCredentials(accessKeyId)
        .map(
            (IssuedCredentials issued) ->
                new ResolvedCredentials(
                    issued.secretKey(), issued.sessionToken(), issued.expiration(), issued));
  }

  @Override
  public Decision authorize(Request request) {
    SigV4Request signed =
        SigV4Request.builder()
            .method(request.method())
            .rawPath(request.rawPath())
            .rawQuery(request.rawQuery())
            .headers(RequestHeaders.of(request.headers()))
            .body(request.body())
            .build();
    VerificationResult result = verifier.verify(signed);
    if (result instanceof VerificationResult.Verified verified) {
      return new Decision.Allowed(verified.principal());
    }
    VerificationResult.Rejected rejected = (VerificationResult.Rejected) result;
    return new Decision.Denied(rejected.status(), rejected.errorType(), rejected.message());
  }
}
