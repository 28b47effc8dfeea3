package dev.lambdalocal.core;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;

/**
 * What one invocation carries besides its payload: the caller's Cognito identity, the mobile client
 * context, and ids Lambda would otherwise generate.
 *
 * <p>Build with {@link #builder()}; {@link #defaults()} carries nothing and lets every id be
 * generated.
 *
 * @param identity the Cognito identity ({@code Context.getIdentity()}), or {@code null}
 * @param clientContext the client context ({@code Context.getClientContext()}), or {@code null}
 * @param requestId the request id to use instead of a new UUID, or {@code null}
 * @param xrayTraceId the X-Ray trace header to use instead of a generated one, or {@code null}
 * @param tenantId the tenant id ({@code Context.getTenantId()}), or {@code null}
 * @since 0.1.0
 */
public record InvokeOptions(
    CognitoIdentity identity,
    ClientContext clientContext,
    String requestId,
    String xrayTraceId,
    String tenantId) {

  private static final InvokeOptions DEFAULTS = new InvokeOptions(null, null, null, null, null);

  /** Return options that carry nothing: no identity, no client context, generated ids. */
  public static InvokeOptions defaults() {
    return DEFAULTS;
  }

  /** Start building options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InvokeOptions}. */
  public static final class Builder {
    private CognitoIdentity identity;
    private ClientContext clientContext;
    private String requestId;
    private String xrayTraceId;
    private String tenantId;

    private Builder() {}

    /** Set the caller's Cognito identity. */
    public Builder identity(CognitoIdentity identity) {
      this.identity = identity;
      return this;
    }

    /** Set the mobile client context. */
    public Builder clientContext(ClientContext clientContext) {
      this.clientContext = clientContext;
      return this;
    }

    /** Use this request id instead of a new UUID. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** Use this X-Ray trace header ({@code Root=1-…;Parent=…;Sampled=0}). */
    public Builder xrayTraceId(String xrayTraceId) {
      this.xrayTraceId = xrayTraceId;
      return this;
    }

    /** Set the tenant id of a tenant-isolated function. */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /** Return the options. */
    public InvokeOptions build() {
      return new InvokeOptions(identity, clientContext, requestId, xrayTraceId, tenantId);
    }
  }
}
