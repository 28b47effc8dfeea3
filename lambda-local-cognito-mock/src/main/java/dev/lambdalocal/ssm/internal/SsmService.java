package dev.lambdalocal.ssm.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.ServiceRequest;
import dev.lambdalocal.aws.internal.sigv4.KeyRing;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Systems Manager Parameter Store behind its AWS JSON 1.1 protocol ({@code X-Amz-Target:
 * AmazonSSM.…}). One lock serializes all state, so each operation is atomic.
 */
public final class SsmService implements MountedService {

  private static final String TARGET_PREFIX = "AmazonSSM.";
  private static final System.Logger LOGGER = System.getLogger(SsmService.class.getName());

  private final ParameterOperations operations;

  /** Create an empty store. */
  public SsmService(String region, String accountId, Clock clock) {
    this.operations = new ParameterOperations(region, accountId, clock);
  }

  @Override
  public String signingName() {
    return "ssm";
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  @Override
  public ServiceResponse handle(ServiceRequest request) {
    String target = request.header("X-Amz-Target");
    try {
      if (!"POST".equals(request.method()) || target == null || !target.startsWith(TARGET_PREFIX)) {
        throw AwsError.unknownOperation();
      }
      Input input = new Input(Json.parseObject(request.body()));
      String user = request.principal() instanceof KeyRing.Holder holder ? holder.arn() : null;
      ObjectNode output;
      synchronized (this) {
        output = operations.dispatch(target.substring(TARGET_PREFIX.length()), input, user);
      }
      return ServiceResponse.ok(Json.write(output));
    } catch (AwsError error) {
      return ServiceResponse.error(error);
    } catch (RuntimeException e) {
      LOGGER.log(Level.ERROR, "lambda-local SSM failed on " + target, e);
      return ServiceResponse.error(AwsError.internal("Internal error in lambda-local's SSM: " + e));
    }
  }

  /** Put a parameter (a new version if it exists), as PutParameter with Overwrite does. */
  public synchronized long put(String name, String type, String value) {
    return operations.put(name, type, value, null, null, true, null);
  }

  /** Return a parameter's latest value, decrypted. */
  public synchronized Optional<String> value(String name) {
    return operations.find(name).map(p -> p.latest().value());
  }

  /** Return the names of the parameters. */
  public synchronized Set<String> names() {
    return operations.names();
  }
}
