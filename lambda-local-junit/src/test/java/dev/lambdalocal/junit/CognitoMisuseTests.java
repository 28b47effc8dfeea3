package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.junit.handlers.Greeter;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Every misuse of {@code @WithCognitoMock}, {@code @CognitoEndpoint} and {@code @CachedIdentity}
 * fails with a message that names the attribute, configuration parameter or parameter.
 */
class CognitoMisuseTests {

  private static final String PREFIX = "dev.lambdalocal.junit.CognitoMisuseTests$";

  private static Throwable failureOf(Class<?> fixture) {
    return Kit.onlyFailure(Kit.run(fixture));
  }

  private static Throwable failureOf(Class<?> fixture, Map<String, String> configuration) {
    return Kit.onlyFailure(Kit.run(fixture, configuration));
  }

  @Test
  void aMalformedIdentityPoolId() {
    assertThat(failureOf(MalformedPoolId.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithCognitoMock(identityPoolId = \"us-east-1_bad\") on class "
                + PREFIX
                + "MalformedPoolId: not an identity pool id of the form us-east-1:<uuid>");
  }

  @WithCognitoMock(identityPoolId = "us-east-1_bad")
  static class MalformedPoolId {
    @Test
    void test() {}
  }

  @Test
  void anIdentityPoolIdOfAnotherRegion() {
    assertThat(failureOf(PoolIdOfAnotherRegion.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithCognitoMock(identityPoolId = \"us-east-1:0a1b2c3d-1111-4222-8333-444455556666\")"
                + " on class "
                + PREFIX
                + "PoolIdOfAnotherRegion: not an identity pool id of the form eu-west-1:<uuid>");
  }

  @WithCognitoMock(
      region = "eu-west-1",
      identityPoolId = "us-east-1:0a1b2c3d-1111-4222-8333-444455556666")
  static class PoolIdOfAnotherRegion {
    @Test
    void test() {}
  }

  @Test
  void aMalformedPoolIdFromTheConfiguration() {
    assertThat(
            failureOf(
                Defaults.class, Map.of(WithCognitoMock.IDENTITY_POOL_ID_KEY, "us-east-1:nope")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "configuration parameter lambdalocal.cognito.identitypoolid = \"us-east-1:nope\":"
                + " not an identity pool id of the form us-east-1:<uuid>");
  }

  @WithCognitoMock
  static class Defaults {
    @Test
    void test() {}
  }

  @Test
  void aRegionThatIsNoRegion() {
    assertThat(failureOf(NoRegion.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithCognitoMock(region = \"Europe\") on class "
                + PREFIX
                + "NoRegion: not an AWS region name, e.g. us-east-1");
  }

  @WithCognitoMock(region = "Europe")
  static class NoRegion {
    @Test
    void test() {}
  }

  @Test
  void anAccountIdThatIsNotTwelveDigits() {
    assertThat(failureOf(Defaults.class, Map.of(WithCognitoMock.ACCOUNT_ID_KEY, "1234")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "configuration parameter lambdalocal.cognito.accountid = \"1234\": an account id is 12"
                + " digits");
  }

  @Test
  void aDeveloperProviderNameCognitoWouldRefuse() {
    assertThat(failureOf(DeveloperProvider.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithCognitoMock(developerProviderName = \"login example\") on class "
                + PREFIX
                + "DeveloperProvider: a developer provider name is 1 to 128 letters, digits, '.',"
                + " '_' or '-'");
  }

  @WithCognitoMock(developerProviderName = "login example")
  static class DeveloperProvider {
    @Test
    void test() {}
  }

  @Test
  void anUnknownScope() {
    assertThat(failureOf(Defaults.class, Map.of(WithCognitoMock.SCOPE_KEY, "jvm")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "configuration parameter lambdalocal.cognito.scope = \"jvm\": expected class or run");
  }

  @Test
  void aCognitoMockParameterWithoutTheAnnotation() {
    assertThat(failureOf(MockWithoutAnnotation.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "parameter 'cognito' of method "
                + PREFIX
                + "MockWithoutAnnotation#test(CognitoMock) needs the Cognito mock: annotate the"
                + " class with @WithCognitoMock");
  }

  @LambdaTest(handler = Greeter.class)
  static class MockWithoutAnnotation {
    @Test
    void test(CognitoMock cognito) {}
  }

  @Test
  void anEndpointWithoutTheAnnotation() {
    assertThat(failureOf(EndpointWithoutAnnotation.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "@CognitoEndpoint on parameter 'endpoint' of method "
                + PREFIX
                + "EndpointWithoutAnnotation#test(URI) needs the Cognito mock: annotate the class"
                + " with @WithCognitoMock");
  }

  static class EndpointWithoutAnnotation {
    @Test
    void test(@CognitoEndpoint URI endpoint) {}
  }

  @Test
  void anEndpointThatIsNoUri() {
    assertThat(failureOf(EndpointAsString.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "@CognitoEndpoint on parameter 'endpoint' of method "
                + PREFIX
                + "EndpointAsString#test(String): the endpoint is a java.net.URI, not a"
                + " java.lang.String");
  }

  @WithCognitoMock
  static class EndpointAsString {
    @Test
    void test(@CognitoEndpoint String endpoint) {}
  }

  @Test
  void aCachedIdentityWithoutTheMock() {
    assertThat(failureOf(CachedWithoutMock.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@CachedIdentity(\"dev\") on method "
                + PREFIX
                + "CachedWithoutMock#test(): needs the Cognito mock; annotate the class with"
                + " @WithCognitoMock");
  }

  @LambdaTest(handler = Greeter.class)
  static class CachedWithoutMock {
    @Test
    @CachedIdentity("dev")
    void test() {}
  }

  @Test
  void aCachedIdentityWhoseEnvironmentIsNoFileName() {
    assertThat(failureOf(CachedPath.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@CachedIdentity(\"../dev\") on class "
                + PREFIX
                + "CachedPath: environment name must be letters, digits, '.', '_' or '-': ../dev");
  }

  @WithCognitoMock
  @CachedIdentity("../dev")
  static class CachedPath {
    @Test
    void test() {}
  }

  @Test
  void anIdentityFromAPoolWithoutUnauthenticatedIdentities() {
    EngineExecutionResults results = Kit.run(NoGuests.class);

    // Only the test that asks for an identity fails; the client still reaches the pool.
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(Kit.onlyFailure(results))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "parameter 'caller' of method "
                + PREFIX
                + "NoGuests#asksForAnIdentity(Identity): @WithCognitoMock"
                + "(allowUnauthenticatedIdentities = false) on class "
                + PREFIX
                + "NoGuests: the test's identity comes from GetId without logins, which the"
                + " identity pool refuses: Unauthenticated access is not supported for this"
                + " identity pool.");
  }

  @WithCognitoMock(allowUnauthenticatedIdentities = false)
  static class NoGuests {
    @Test
    void asksForAnIdentity(Identity caller) {}

    @Test
    void asksForNone(CognitoMock cognito) {
      assertThat(cognito.identityPools())
          .singleElement()
          .satisfies(pool -> assertThat(pool.allowUnauthenticatedIdentities()).isFalse());
    }
  }
}
