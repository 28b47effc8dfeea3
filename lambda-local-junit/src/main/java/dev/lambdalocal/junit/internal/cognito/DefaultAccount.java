package dev.lambdalocal.junit.internal.cognito;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.account.internal.OnDemandAccount;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.internal.StoredResource;
import dev.lambdalocal.junit.internal.Stores;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The offline account a {@code @LambdaTest} function runs with when no {@code @WithOfflineAccount}
 * gives it one: empty, one per region for the whole run (in the root context's store, closed when
 * the run ends), started only when a function first calls it ({@link OnDemandAccount}), so that a
 * function that never calls AWS costs two bound loopback ports and its minted credentials, and a
 * function's default-built SDK client reaches the empty account, never AWS. Loaded only when
 * lambda-local-cognito-mock is on the class path.
 *
 * @since 0.1.0
 */
public final class DefaultAccount {

  private static final OnDemandAccount.Wording WORDING =
      new OnDemandAccount.Wording(
          "lambda-local: ",
          "the default offline account's port",
          "the default offline account's extension port");

  private DefaultAccount() {}

  /**
   * Run the function of {@code builder}, of {@code region}, with the run's account of that region.
   *
   * @param context a context of the run
   * @param region the function's region, which the account serves (SigV4 scopes name it)
   * @param builder the function's builder
   * @return {@code builder}
   */
  // getOrComputeIfAbsent is the 5.10 API; 5.13 deprecates it in favour of computeIfAbsent.
  @SuppressWarnings({"deprecation", "unchecked"})
  public static LocalLambda.Builder configure(
      ExtensionContext context, String region, LocalLambda.Builder builder) {
    OnDemandAccount account =
        ((StoredResource<OnDemandAccount>)
                Stores.store(context.getRoot())
                    .getOrComputeIfAbsent(
                        // A string key: no record's ObjectMethods bootstrap in a cold start.
                        "default offline account of " + region,
                        key -> StoredResource.of(open(region)),
                        StoredResource.class))
            .get();
    return builder.platformEnvironment(account::environment);
  }

  private static OnDemandAccount open(String region) {
    // The extension's API on a free port, never 2773: the accounts of @WithOfflineAccount classes
    // in this JVM share one extension server on 2773 (ExtensionServer.acquire), which this
    // account's relay, bound first, would shut out. The function is told the port in
    // PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, as Lambda tells it.
    return OnDemandAccount.open(
        OfflineAccount.builder().region(region), 0, 0, false, WORDING, System.err, null);
  }
}
