package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IdentityCache;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.handlers.ContextEcho;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * {@code @CachedIdentity}: one identity per environment, kept in {@code .lambda-local/} under the
 * configured directory (a temporary one here, never the project's) and reused by later tests and
 * later runs.
 */
@ResourceLock("CachedIdentityTests.SEEN")
class CachedIdentityTests {

  /** The identities the fixtures saw, by test; only this class's tests, one at a time, use it. */
  static final List<Map.Entry<String, Identity>> SEEN = new CopyOnWriteArrayList<>();

  /** The directory the fixtures' runs keep their cache in, for the fixtures to check it. */
  static volatile Path directory;

  @TempDir Path base;

  private Map<String, String> cacheIn(Path base) {
    directory = base;
    return Map.of(CachedIdentity.DIRECTORY_KEY, base.toString());
  }

  @Test
  void theTestsOfAClassShareTheEnvironmentsIdentityAndLaterRunsReuseIt() throws IOException {
    SEEN.clear();

    assertThat(Kit.failures(Kit.run(Dev.class, cacheIn(base)))).isEmpty();
    assertThat(Kit.failures(Kit.run(Dev.class, cacheIn(base)))).isEmpty();

    // Two runs, two mocks, three tests each: one identity.
    assertThat(SEEN).hasSize(6);
    Identity identity = SEEN.get(0).getValue();
    assertThat(SEEN).allSatisfy(seen -> assertThat(seen.getValue()).isEqualTo(identity));
    Path file = base.resolve(".lambda-local/identity_dev.json");
    assertThat(IdentityCache.in(base).load("dev")).contains(identity);
    assertThat(Files.readString(file)).contains(identity.identityId());
  }

  @Test
  void aMethodsOwnEnvironmentWinsAndOtherTestsGetNewIdentities() {
    SEEN.clear();

    assertThat(Kit.failures(Kit.run(Mixed.class, cacheIn(base)))).isEmpty();

    Map<String, Identity> byTest = Map.ofEntries(entries());
    assertThat(byTest).hasSize(3);
    assertThat(IdentityCache.in(base).load("staging")).contains(byTest.get("staging"));
    assertThat(byTest.get("fresh")).isNotEqualTo(byTest.get("staging"));
    assertThat(byTest.get("alsoFresh")).isNotIn(byTest.get("fresh"), byTest.get("staging"));
  }

  @Test
  void anIdentityOfAnotherPoolIsReplaced() {
    SEEN.clear();
    Identity stale =
        new Identity(
            "us-east-1:00000000-0000-4000-8000-000000000001",
            "us-east-1:00000000-0000-4000-8000-0000000000aa");
    IdentityCache.in(base).store("dev", stale);

    assertThat(Kit.failures(Kit.run(Dev.class, cacheIn(base)))).isEmpty();

    Identity identity = SEEN.get(0).getValue();
    assertThat(identity).isNotEqualTo(stale);
    assertThat(IdentityCache.in(base).load("dev")).contains(identity);
  }

  // tag::cached[]
  @WithCognitoMock
  @LambdaTest(handler = ContextEcho.class, method = "describe")
  @CachedIdentity("dev")
  static class Dev {
    // end::cached[]
    @Test
    void theMockKnowsIt(Identity caller, CognitoIdentityClient client) {
      Credentials credentials =
          client.getCredentialsForIdentity(r -> r.identityId(caller.identityId())).credentials();

      assertThat(credentials.accessKeyId()).startsWith("ASIA");
      SEEN.add(Map.entry("credentials", caller));
    }

    @Test
    void itIsTheEnvironmentsIdentity(Identity caller, CognitoMock cognito) {
      IdentityCache cache = IdentityCache.in(directory);

      assertThat(cognito.cachedIdentity(cache, "dev")).isEqualTo(caller);
      SEEN.add(Map.entry("cache", caller));
    }

    // tag::cached[]
    @Test
    void theHandlerSeesTheEnvironmentsIdentity(
        LocalLambda lambda, InvokeOptions asCaller, Identity caller) {
      Map<?, ?> answer = lambda.invokeJson("{}", asCaller).returnValue(Map.class);

      assertThat(answer.get("identityId")).isEqualTo(caller.identityId());
      // end::cached[]
      SEEN.add(Map.entry("handler", caller));
      // tag::cached[]
    }
  }

  // end::cached[]

  @SuppressWarnings("unchecked")
  private static Map.Entry<String, Identity>[] entries() {
    return SEEN.toArray(Map.Entry[]::new);
  }

  @WithCognitoMock
  static class Mixed {
    @Test
    @CachedIdentity("staging")
    void staging(Identity caller) {
      SEEN.add(Map.entry("staging", caller));
    }

    @Test
    void fresh(Identity caller) {
      SEEN.add(Map.entry("fresh", caller));
    }

    @Test
    void alsoFresh(Identity caller) {
      SEEN.add(Map.entry("alsoFresh", caller));
    }
  }
}
