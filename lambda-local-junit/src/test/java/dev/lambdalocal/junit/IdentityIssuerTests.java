package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.handlers.Greeter;
import dev.lambdalocal.junit.internal.Identities;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The seam where an offline Cognito issues the identities of tests instead of generating them. */
class IdentityIssuerTests {

  static final Identity ISSUED =
      new Identity(
          "eu-north-1:00000000-0000-0000-0000-000000000001",
          "eu-north-1:00000000-0000-0000-0000-0000000000aa");

  @Test
  void anIssuerRegisteredForAClassIssuesEveryIdentityOfTheClass() {
    EngineExecutionResults results = Kit.run(Issued.class);

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @Test
  void anIssuerServesItsOwnClassOnlyAndTheNarrowestWins() {
    // In either order: a class's issuer never reaches another class.
    EngineExecutionResults results = Kit.run(Map.of(), Issued.class, NotIssued.class);
    // A class's issuer wins over the run's.
    EngineExecutionResults narrowest = Kit.run(IssuedForTheRun.class);

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    assertThat(Kit.failures(narrowest)).isEmpty();
    assertThat(narrowest.testEvents().succeeded().count()).isEqualTo(1);
  }

  /** Stands in for the Cognito mock's extension. */
  static class FixedIssuer implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      Identities.useIssuer(context, (owner, region) -> ISSUED);
    }
  }

  /** Registers an issuer for the whole run, which class issuers override. */
  static class RunIssuer implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      Identities.useIssuer(context.getRoot(), (owner, region) -> RUN_WIDE);
    }
  }

  static final Identity RUN_WIDE =
      new Identity(
          "eu-north-1:00000000-0000-0000-0000-000000000002",
          "eu-north-1:00000000-0000-0000-0000-0000000000bb");

  @ExtendWith(FixedIssuer.class)
  @LambdaTest(handler = Greeter.class, region = "eu-north-1")
  static class Issued {
    @Test
    void test(
        Identity caller,
        Context context,
        @Event("events/api-request.json") Map<String, Object> request) {
      assertThat(caller).isEqualTo(ISSUED);
      assertThat(context.getIdentity().getIdentityId()).isEqualTo(ISSUED.identityId());
      assertThat(request.get("requestContext").toString()).contains(ISSUED.identityPoolId());
    }
  }

  @LambdaTest(handler = Greeter.class, region = "eu-north-1")
  static class NotIssued {
    @Test
    void test(Identity caller) {
      assertThat(caller).isNotIn(ISSUED, RUN_WIDE);
      assertThat(caller.identityId()).startsWith("eu-north-1:");
    }
  }

  @ExtendWith({RunIssuer.class, FixedIssuer.class})
  @LambdaTest(handler = Greeter.class, region = "eu-north-1")
  static class IssuedForTheRun {
    @Test
    void test(Identity caller) {
      assertThat(caller).isEqualTo(ISSUED);
    }
  }
}
