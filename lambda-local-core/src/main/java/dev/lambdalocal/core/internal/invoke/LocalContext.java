package dev.lambdalocal.core.internal.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;

/**
 * The {@link Context} of one invocation, with a real deadline: the remaining time is measured
 * against the (injectable) clock at every call.
 */
public final class LocalContext implements Context {

  private final FunctionConfig config;
  private final String logStreamName;
  private final String requestId;
  private final long deadlineMillis;
  private final Clock clock;
  private final CognitoIdentity identity;
  private final ClientContext clientContext;
  private final LambdaLogger logger;
  private final String tenantId;
  private final String xrayTraceId;

  LocalContext(
      FunctionConfig config,
      String logStreamName,
      String requestId,
      long deadlineMillis,
      CognitoIdentity identity,
      ClientContext clientContext,
      LambdaLogger logger,
      String tenantId,
      String xrayTraceId) {
    this.config = config;
    this.logStreamName = logStreamName;
    this.requestId = requestId;
    this.deadlineMillis = deadlineMillis;
    this.clock = config.clock();
    this.identity = identity;
    this.clientContext = clientContext;
    this.logger = logger;
    this.tenantId = tenantId;
    this.xrayTraceId = xrayTraceId;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return config.logGroupName();
  }

  @Override
  public String getLogStreamName() {
    return logStreamName;
  }

  @Override
  public String getFunctionName() {
    return config.functionName();
  }

  @Override
  public String getFunctionVersion() {
    return config.functionVersion();
  }

  @Override
  public String getInvokedFunctionArn() {
    return config.invokedFunctionArn();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return identity;
  }

  @Override
  public ClientContext getClientContext() {
    return clientContext;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = deadlineMillis - clock.millis();
    return (int) Math.max(0, remaining);
  }

  @Override
  public int getMemoryLimitInMB() {
    return config.memorySizeMb();
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  // No @Override on the next two: Context has them from aws-lambda-java-core 1.3.0 and 1.4.0, and
  // this class also compiles against the oldest core users can have (the root pom's floors).
  public String getTenantId() {
    return tenantId;
  }

  public String getXrayTraceId() {
    return xrayTraceId;
  }

  /** Return the deadline, in the clock's epoch milliseconds. */
  public long deadlineMillis() {
    return deadlineMillis;
  }

  @Override
  public String toString() {
    return "LocalContext[requestId=" + requestId + ", function=" + config.functionName() + "]";
  }
}
