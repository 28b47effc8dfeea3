package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.sigv4.CredentialsResolver;
import dev.lambdalocal.aws.internal.sigv4.SigV4Verifier;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One offline Lambda service assembled, without a server: its functions, their execution
 * environments, the invoker and the {@link LambdaEndpoint} that answers requests. {@code
 * LambdaServiceMock} puts it on its own port ({@link LambdaEndpoint#standalone()}); the offline
 * account's single endpoint mounts the same state ({@link LambdaEndpoint#mounted()}).
 */
public final class LambdaService implements AutoCloseable {

  /** The variable the AWS SDKs and CLI read the Lambda endpoint from. */
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_LAMBDA";

  /** The variable the AWS SDKs and CLI read every service's endpoint from. */
  static final String ALL_ENDPOINTS_VARIABLE = "AWS_ENDPOINT_URL";

  private final FunctionStore store;
  private final FunctionRunners runners;
  private final Invoker invoker;
  private final LambdaEndpoint endpoint;

  /**
   * Assemble a service.
   *
   * @param uri where clients reach it (package downloads are served under it)
   * @param region the region of ARNs and signatures
   * @param accountId the account of ARNs
   * @param clock the clock of dates and of the signature window
   * @param credentials who may call it
   * @param console where the functions' logs are echoed, or null for standard error
   * @param quiet whether not to echo them
   * @param platformEnvironment the variables each new execution environment of a function gets, by
   *     function name (an offline account's endpoint and minted credentials), or null for {@link
   *     #ownEnvironment(URI)}
   */
  public LambdaService(
      URI uri,
      String region,
      String accountId,
      Clock clock,
      CredentialsResolver credentials,
      PrintStream console,
      boolean quiet,
      Function<String, Map<String, String>> platformEnvironment) {
    Map<String, String> own = ownEnvironment(uri);
    this.runners =
        new FunctionRunners(
            region,
            accountId,
            platformEnvironment != null ? platformEnvironment : name -> own,
            console,
            quiet);
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

  /**
   * Return what a service on its own gives its functions: {@value #ALL_ENDPOINTS_VARIABLE} and
   * {@value #ENDPOINT_VARIABLE}, both {@code uri}, so that their Lambda clients reach the service
   * and their clients of any other service get a local error from it, never reach AWS. Their
   * credentials stay lambda-local's dummies, which the service accepts.
   */
  public static Map<String, String> ownEnvironment(URI uri) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(ALL_ENDPOINTS_VARIABLE, uri.toString());
    variables.put(ENDPOINT_VARIABLE, uri.toString());
    return Collections.unmodifiableMap(variables);
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
