package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.WithCognitoMock.Scope;
import dev.lambdalocal.junit.handlers.Greeter;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;

/**
 * Who gets which mock, and when the engine stops it: a class's own by default, shared by the run
 * with {@link Scope#RUN}, inherited by nested classes.
 */
@ResourceLock("CognitoMockScopeTests.SEEN")
class CognitoMockScopeTests {

  /** What the fixtures saw; only this class's tests, one at a time, use it. */
  static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

  /**
   * A test's mock (and its port, which only a running mock tells) and identity, or ({@code identity
   * == null}) what a class's mock listed.
   */
  record Seen(String fixture, CognitoMock mock, int port, Identity identity, Set<String> listed) {}

  private static final Map<String, String> PARALLEL =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");

  @Test
  void eachClassHasAMockOfItsOwnStoppedWhenTheClassEnds() {
    SEEN.clear();

    EngineExecutionResults results = Kit.run(PARALLEL, PerClassA.class, PerClassB.class);

    assertThat(Kit.failures(results)).isEmpty();
    CognitoMock a = mockOf("PerClassA");
    CognitoMock b = mockOf("PerClassB");
    assertThat(a).isNotSameAs(b);
    assertThat(portOf("PerClassA")).isNotEqualTo(portOf("PerClassB"));
    // Each mock's state holds its own class's two identities, and only those.
    assertThat(listedBy("PerClassA")).hasSize(2).isEqualTo(identitiesOf("PerClassA"));
    assertThat(listedBy("PerClassB")).hasSize(2).isEqualTo(identitiesOf("PerClassB"));
    assertStopped(a);
    assertStopped(b);
  }

  @Test
  void runScopedMocksAreSharedByTheClassesThatAskForTheSameSettings() {
    SEEN.clear();

    EngineExecutionResults results =
        Kit.run(PARALLEL, PerRunA.class, PerRunB.class, PerRunElsewhere.class);

    assertThat(Kit.failures(results)).isEmpty();
    CognitoMock shared = mockOf("PerRunA");
    assertThat(mockOf("PerRunB")).isSameAs(shared);
    CognitoMock elsewhere = mockOf("PerRunElsewhere");
    assertThat(elsewhere).isNotSameAs(shared);
    assertThat(elsewhere.region()).isEqualTo("ap-southeast-2");
    assertStopped(shared);
    assertStopped(elsewhere);
  }

  @Test
  void theScopeMayComeFromTheConfiguration() {
    SEEN.clear();

    EngineExecutionResults results =
        Kit.run(Map.of(WithCognitoMock.SCOPE_KEY, "run"), PerClassA.class, PerClassB.class);

    assertThat(Kit.failures(results)).isEmpty();
    assertThat(mockOf("PerClassA")).isSameAs(mockOf("PerClassB"));
    // Run one after the other, B's mock already held A's identities.
    assertThat(listedBy("PerClassB"))
        .hasSize(4)
        .containsAll(identitiesOf("PerClassA"))
        .containsAll(identitiesOf("PerClassB"));
  }

  @Test
  void nestedClassesShareTheEnclosingMockUnlessTheyHaveTheirOwn() {
    SEEN.clear();

    assertThat(Kit.failures(Kit.run(Outer.class))).isEmpty();

    CognitoMock outer = mockOf("Outer");
    assertThat(mockOf("Inherits")).isSameAs(outer);
    CognitoMock own = mockOf("Own");
    assertThat(own).isNotSameAs(outer);
    assertThat(own.region()).isEqualTo("eu-central-1");
    assertThat(identitiesOf("Inherits"))
        .singleElement()
        .asString()
        .startsWith(outer.region() + ":");
    assertThat(identitiesOf("Own")).singleElement().asString().startsWith("eu-central-1:");
  }

  @Test
  void evenAConstructorsIdentityComesFromTheMock() {
    SEEN.clear();

    assertThat(Kit.failures(Kit.run(PerClassInstance.class))).isEmpty();

    Set<String> constructed = identitiesOf("PerClassInstance.constructor");
    assertThat(constructed).hasSize(1);
    assertThat(listedBy("PerClassInstance")).containsAll(constructed);
    // The class's identity (constructor, @BeforeAll) is not the test's.
    assertThat(identitiesOf("PerClassInstance"))
        .hasSize(1)
        .doesNotContainAnyElementsOf(constructed);
  }

  @Test
  void theMocksAreStoppedAlsoByJUnitVersionsThatCloseOnlyCloseableResources() {
    SEEN.clear();
    Map<String, String> legacy =
        Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", "false");

    assertThat(Kit.failures(Kit.run(legacy, PerClassA.class, PerRunA.class))).isEmpty();

    assertStopped(mockOf("PerClassA"));
    assertStopped(mockOf("PerRunA"));
  }

  private static CognitoMock mockOf(String fixture) {
    List<CognitoMock> mocks =
        SEEN.stream().filter(s -> s.fixture().equals(fixture)).map(Seen::mock).distinct().toList();
    assertThat(mocks).as(fixture).hasSize(1);
    return mocks.get(0);
  }

  private static Set<String> identitiesOf(String fixture) {
    return SEEN.stream()
        .filter(s -> s.fixture().equals(fixture) && s.identity() != null)
        .map(s -> s.identity().identityId())
        .collect(Collectors.toSet());
  }

  private static Set<String> listedBy(String fixture) {
    return SEEN.stream()
        .filter(s -> s.fixture().equals(fixture) && s.listed() != null)
        .findFirst()
        .orElseThrow()
        .listed();
  }

  private static int portOf(String fixture) {
    return SEEN.stream().filter(s -> s.fixture().equals(fixture)).findFirst().orElseThrow().port();
  }

  private static void assertStopped(CognitoMock mock) {
    int port = SEEN.stream().filter(s -> s.mock() == mock).findFirst().orElseThrow().port();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  static void see(String fixture, CognitoMock mock, Identity identity) {
    SEEN.add(new Seen(fixture, mock, mock.port(), identity, null));
  }

  /** Record the identities the mock's pool holds now, with a real ListIdentities. */
  static void list(String fixture, CognitoMock mock, CognitoIdentityClient client) {
    Set<String> listed =
        client
            .listIdentities(r -> r.identityPoolId(mock.defaultIdentityPoolId()).maxResults(60))
            .identities()
            .stream()
            .map(IdentityDescription::identityId)
            .collect(Collectors.toSet());
    SEEN.add(new Seen(fixture, mock, mock.port(), null, listed));
  }

  @WithCognitoMock
  @Execution(ExecutionMode.CONCURRENT)
  static class PerClassA {
    @Test
    void one(CognitoMock cognito, Identity caller) {
      see("PerClassA", cognito, caller);
    }

    @Test
    void two(CognitoMock cognito, Identity caller) {
      see("PerClassA", cognito, caller);
    }

    @AfterAll
    static void list(CognitoMock cognito, CognitoIdentityClient client) {
      CognitoMockScopeTests.list("PerClassA", cognito, client);
    }
  }

  @WithCognitoMock
  @Execution(ExecutionMode.CONCURRENT)
  static class PerClassB {
    @Test
    void one(CognitoMock cognito, Identity caller) {
      see("PerClassB", cognito, caller);
    }

    @Test
    void two(CognitoMock cognito, Identity caller) {
      see("PerClassB", cognito, caller);
    }

    @AfterAll
    static void list(CognitoMock cognito, CognitoIdentityClient client) {
      CognitoMockScopeTests.list("PerClassB", cognito, client);
    }
  }

  @WithCognitoMock(scope = Scope.RUN)
  static class PerRunA {
    @Test
    void test(CognitoMock cognito, Identity caller) {
      see("PerRunA", cognito, caller);
    }
  }

  @WithCognitoMock(scope = Scope.RUN)
  @LambdaTest(handler = Greeter.class)
  static class PerRunB {
    @Test
    void test(CognitoMock cognito, Identity caller) {
      see("PerRunB", cognito, caller);
    }
  }

  @WithCognitoMock(scope = Scope.RUN, region = "ap-southeast-2")
  static class PerRunElsewhere {
    @Test
    void test(CognitoMock cognito, Identity caller) {
      see("PerRunElsewhere", cognito, caller);
    }
  }

  @WithCognitoMock
  static class Outer {
    @Test
    void test(CognitoMock cognito, Identity caller) {
      see("Outer", cognito, caller);
    }

    @Nested
    class Inherits {
      @Test
      void test(CognitoMock cognito, Identity caller) {
        see("Inherits", cognito, caller);
      }
    }

    @Nested
    @WithCognitoMock(region = "eu-central-1")
    class Own {
      @Test
      void test(CognitoMock cognito, Identity caller) {
        see("Own", cognito, caller);
      }
    }
  }

  @WithCognitoMock
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassInstance {
    private final CognitoMock cognito;

    PerClassInstance(CognitoMock cognito, Identity identity) {
      this.cognito = cognito;
      see("PerClassInstance.constructor", cognito, identity);
    }

    @Test
    void test(Identity caller, CognitoIdentityClient client) {
      see("PerClassInstance", cognito, caller);
      list("PerClassInstance", cognito, client);
    }
  }
}
