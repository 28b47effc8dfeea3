package dev.lambdalocal.aws.internal.server;

import dev.lambdalocal.aws.internal.protocol.ServiceResponse;

/**
 * One AWS service as a {@link ServiceRouter} serves it on a shared loopback port: how clients
 * address it (the {@code X-Amz-Target} prefix of the AWS JSON protocols, the service name of the
 * SigV4 credential scope, the paths of a REST protocol) and how it answers a request.
 *
 * <p>This is the one interface a service implements to join the offline account's single endpoint
 * (Secrets Manager, SSM, Cognito Identity, the Lambda service, …). Implementations are thread-safe.
 */
public interface MountedService {

  /**
   * Return the service name clients sign for, e.g. {@code secretsmanager}; it is also the name the
   * router and its errors use for the service.
   */
  String signingName();

  /**
   * Return the {@code X-Amz-Target} prefix up to and including its dot, e.g. {@code
   * secretsmanager.}, or null for a service without one (REST protocols).
   */
  default String targetPrefix() {
    return null;
  }

  /**
   * Return whether a request that names neither a target nor a signed service belongs to this
   * service by its path (REST protocols, e.g. {@code /2015-03-31/functions/…} for Lambda).
   */
  default boolean servesPath(String rawPath) {
    return false;
  }

  /**
   * Return whether a request must carry a valid SigV4 signature; AWS leaves a few operations
   * unsigned (Cognito Identity's {@code GetId}, for example).
   */
  default boolean requiresSignature(ServiceRequest request) {
    return true;
  }

  /**
   * Answer a request; never throws (failures are AWS-shaped error responses).
   *
   * @param request the request, with the principal of its verified signature if it had one
   * @return the response
   */
  ServiceResponse handle(ServiceRequest request);
}
