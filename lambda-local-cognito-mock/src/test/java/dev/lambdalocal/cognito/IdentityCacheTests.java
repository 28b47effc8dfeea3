package dev.lambdalocal.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.core.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

class IdentityCacheTests {

  static final String POOL = "us-east-1:77777777-7777-4777-8777-777777777777";

  @TempDir Path base;

  @Test
  void anIdentityIsStoredPerEnvironmentUnderDotLambdaLocal() throws IOException {
    IdentityCache cache = IdentityCache.in(base);
    Identity dev = Identity.generate("us-east-1");

    cache.store("dev", dev);

    assertThat(cache.file("dev")).isEqualTo(base.resolve(".lambda-local/identity_dev.json"));
    assertThat(Files.readString(cache.file("dev")))
        .isEqualTo(
            "{\"identityId\":\""
                + dev.identityId()
                + "\",\"identityPoolId\":\""
                + dev.identityPoolId()
                + "\"}\n");
    assertThat(cache.load("dev")).hasValue(dev);
    assertThat(cache.load("prod")).isEmpty();
    assertThat(cache.delete("dev")).isTrue();
    assertThat(cache.load("dev")).isEmpty();
  }

  @Test
  void getOrCreateCreatesOnceAndOnlyForTheSamePool() {
    IdentityCache cache = IdentityCache.in(base);
    AtomicInteger created = new AtomicInteger();

    Identity first =
        cache.getOrCreate(
            "dev",
            POOL,
            () ->
                new Identity(
                    "us-east-1:"
                        + created.incrementAndGet()
                        + "0000000-0000-4000-8000-000000000000",
                    POOL));
    Identity second =
        cache.getOrCreate(
            "dev",
            POOL,
            () -> {
              throw new AssertionError("cached");
            });
    Identity otherPool =
        cache.getOrCreate(
            "dev",
            "us-east-1:88888888-8888-4888-8888-888888888888",
            () -> Identity.generate("us-east-1"));

    assertThat(second).isEqualTo(first);
    assertThat(created).hasValue(1);
    assertThat(otherPool).isNotEqualTo(first);
  }

  @Test
  void repeatedRunsOfAMockReuseTheCachedIdentity() {
    IdentityCache cache = IdentityCache.in(base);
    Identity firstRun;
    try (CognitoMock cognito = mock()) {
      firstRun = cognito.cachedIdentity(cache, "dev");
    }

    try (CognitoMock cognito = mock();
        CognitoIdentityClient client = cognito.createClient()) {
      Identity secondRun = cognito.cachedIdentity(cache, "dev");

      assertThat(secondRun).isEqualTo(firstRun);
      assertThat(
              client
                  .getCredentialsForIdentity(r -> r.identityId(secondRun.identityId()))
                  .identityId())
          .isEqualTo(firstRun.identityId());
    }
  }

  @Test
  void aBadEnvironmentNameOrFileIsReportedByName() throws IOException {
    IdentityCache cache = IdentityCache.in(base);

    assertThatThrownBy(() -> cache.file("../x"))
        .hasMessage("environment name must be letters, digits, '.', '_' or '-': ../x");
    Files.createDirectories(cache.directory());
    Files.writeString(cache.file("broken"), "{\"identityId\":42}");
    assertThatThrownBy(() -> cache.load("broken"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(cache.file("broken") + " is not an identity cache file");
  }

  private static CognitoMock mock() {
    return CognitoMock.builder()
        .identityPool(IdentityPool.builder().identityPoolId(POOL).build())
        .start();
  }
}
