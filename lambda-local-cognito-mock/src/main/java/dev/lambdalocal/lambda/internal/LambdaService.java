package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.sigv4.CredentialsResolver;
import dev.lambdalocal.aws.internal.sigv4.SigV4Verifier;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * One offline Lambda service assembled, without a server: its functions, their execution
 * environments, the invoker and the {@link LambdaEndpoint} that answers requests. {@link
 * LambdaServer} puts it on its own port; the offline account's single endpoint creates one with its
 * own URI and credentials and calls {@code endpoint().handle(call)} for the requests it routes to
 * Lambda.
 */
public final class LambdaService implements AutoCloseable {

  /** The variable the AWS SDKs and CLI read the Lambda endpoint from. */
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_LAMBDA";

  private final FunctionStore store;
  private final FunctionRunners runners;
  private final Invoker invoker;
  private final LambdaEndpoint endpoint;

  /**
   * Assemble a service.
   *
   * @param uri where clients reach it (functions get it as {@value #ENDPOINT_VARIABLE}; package
   *     downloads are served under it)
   * @param region the region of ARNs and signatures
   * @param accountId the account of ARNs
   * @param clock the clock of dates and of the signature window
   * @param credentials who may call it
   * @param console where the functions' logs are echoed, or null for standard error
   * @param quiet whether not to echo them
   */
  public LambdaService(
      URI uri,
      String region,
      String accountId,
      Clock clock,
      CredentialsResolver credentials,
      PrintStream console,
      boolean quiet) {
    this.runners =
        new FunctionRunners(
            region, accountId, Map.of(ENDPOINT_VARIABLE, uri.toString()), console, quiet);
    this.store =
        new FunctionStore(new FunctionNames(region, accountId), clock, runners::discardLatest);
    this.invoker = new Invoker(runners);
    SigV4Verifier verifier =
        SigV4Verifier.builder()
            .credentials(credentials)
            .region(region)
            .service(LambdaEndpoint.SERVICE)
            .clock(clock)
            .build();
    String base =
        uri.toString().endsWith("/")
            ? uri.toString().substring(0, uri.toString().length() - 1)
            : uri.toString();
    this.endpoint =
        new LambdaEndpoint(new LambdaApi(store, runners, invoker, base), store, verifier);
  }

  /** Return the request handler. */
  public LambdaEndpoint endpoint() {
    return endpoint;
  }

  /** Return the functions (tests hold their state transitions through it). */
  public FunctionStore store() {
    return store;
  }

  /** Return the invoker ({@code Event} invocations are awaited through it). */
  public Invoker invoker() {
    return invoker;
  }

  /** Stop the execution environments and delete the extracted packages. */
  @Override
  public void close() {
    try {
      invoker.close();
      runners.close();
    } finally {
      store.close();
    }
  }
}
