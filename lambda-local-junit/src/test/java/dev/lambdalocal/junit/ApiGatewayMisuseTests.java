package dev.lambdalocal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.junit.WithApiGateway.ApiType;
import dev.lambdalocal.junit.handlers.ApiCaller;
import dev.lambdalocal.junit.handlers.NotAHandler;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Every misuse of {@code @WithApiGateway}, {@code @ApiFunction} and {@code @ApiBaseUri} fails with
 * a message that names the attribute or parameter.
 */
class ApiGatewayMisuseTests {

  private static final String PREFIX = "dev.lambdalocal.junit.ApiGatewayMisuseTests$";
  private static final String CALLER = "src/test/resources/api/caller.yaml";

  private static Throwable failureOf(Class<?> fixture) {
    return Kit.onlyFailure(Kit.run(fixture));
  }

  @Test
  void withoutTheCognitoMock() {
    assertThat(failureOf(NoCognito.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithApiGateway on class "
                + PREFIX
                + "NoCognito: the API's IAM authorization accepts the signatures of the Cognito"
                + " mock's identities; annotate the class with @WithCognitoMock");
  }

  @WithApiGateway(
      definition = CALLER,
      functions = @ApiFunction(name = "Caller", handler = ApiCaller.class))
  static class NoCognito {
    @Test
    void test() {}
  }

  @Test
  void aDefinitionThatIsNotThere() {
    assertThat(failureOf(MissingDefinition.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithApiGateway(definition = \"api/missing.yaml\") on class "
                + PREFIX
                + "MissingDefinition: no such file (looked for "
                + Path.of("api/missing.yaml").toAbsolutePath()
                + ")");
  }

  @WithCognitoMock
  @WithApiGateway(definition = "api/missing.yaml")
  static class MissingDefinition {
    @Test
    void test() {}
  }

  @Test
  void aFunctionTheDefinitionNamesIsMissing() {
    assertThat(failureOf(UnmappedFunction.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithApiGateway(definition = \""
                + CALLER
                + "\") on class "
                + PREFIX
                + "UnmappedFunction: "
                + Path.of(CALLER).toAbsolutePath()
                + ": functions named in the file but not provided: Caller");
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions = @ApiFunction(name = "Other", handler = ApiCaller.class))
  static class UnmappedFunction {
    @Test
    void test() {}
  }

  @Test
  void aStageNameApiGatewayRefuses() {
    assertThat(failureOf(BadStage.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithApiGateway(stage = \"dev/1\") on class "
                + PREFIX
                + "BadStage: a stage name is 1 to 128 letters, digits, '-' or '_'");
  }

  @WithCognitoMock
  @WithApiGateway(definition = CALLER, stage = "dev/1")
  static class BadStage {
    @Test
    void test() {}
  }

  @Test
  void theDefaultStageOfARestApi() {
    assertThat(failureOf(RestDefaultStage.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@WithApiGateway(stage = \"$default\") on class "
                + PREFIX
                + "RestDefaultStage: a REST API stage cannot be named $default");
  }

  @WithCognitoMock
  @WithApiGateway(definition = CALLER, type = ApiType.REST, stage = "$default")
  static class RestDefaultStage {
    @Test
    void test() {}
  }

  @Test
  void aPlaceholderNameWithItsPercentSigns() {
    assertThat(failureOf(PercentPlaceholder.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@ApiPlaceholder(name = \"%ORCH%\") in @WithApiGateway(placeholders) on class "
                + PREFIX
                + "PercentPlaceholder: a placeholder name is upper-case letters, digits and '_',"
                + " without the %");
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions = @ApiFunction(name = "Caller", handler = ApiCaller.class),
      placeholders = @ApiPlaceholder(name = "%ORCH%", value = "x"))
  static class PercentPlaceholder {
    @Test
    void test() {}
  }

  @Test
  void anIntegrationHostWithoutAPort() {
    assertThat(failureOf(PortlessHost.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@IntegrationHost(host = \"orch.example.com\", port = 0) in"
                + " @WithApiGateway(integrationHosts) on class "
                + PREFIX
                + "PortlessHost: give the integration uri's host and a port of 1 to 65535");
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions = @ApiFunction(name = "Caller", handler = ApiCaller.class),
      integrationHosts = @IntegrationHost(host = "orch.example.com", port = 0))
  static class PortlessHost {
    @Test
    void test() {}
  }

  @Test
  void aFunctionNameLambdaRefuses() {
    assertThat(failureOf(BadFunctionName.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@ApiFunction(name = \"who am i\") in @WithApiGateway on class "
                + PREFIX
                + "BadFunctionName: a function name is 1 to 64 letters, digits, '-' or '_'");
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions = @ApiFunction(name = "who am i", handler = ApiCaller.class))
  static class BadFunctionName {
    @Test
    void test() {}
  }

  @Test
  void aFunctionNamedTwice() {
    assertThat(failureOf(TwiceNamed.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@ApiFunction(name = \"Caller\") in @WithApiGateway on class "
                + PREFIX
                + "TwiceNamed: the name is given twice; name each function once");
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions = {
        @ApiFunction(name = "Caller", handler = ApiCaller.class),
        @ApiFunction(name = "Caller", handler = ApiCaller.class)
      })
  static class TwiceNamed {
    @Test
    void test() {}
  }

  @Test
  void aFunctionWithoutHandler() {
    assertThat(failureOf(NoHandler.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@ApiFunction(name = \"Caller\") in @WithApiGateway on class "
                + PREFIX
                + "NoHandler: set handler or handlerName");
  }

  @WithCognitoMock
  @LambdaTest(handler = ApiCaller.class)
  @WithApiGateway(definition = CALLER, functions = @ApiFunction(name = "Caller"))
  static class NoHandler {
    @Test
    void test() {}
  }

  @Test
  void aFunctionWhoseHandlerIsNoHandler() {
    assertThat(failureOf(NotAHandlerFunction.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@ApiFunction(name = \"Caller\", handler = NotAHandler.class) in @WithApiGateway on"
                + " class "
                + PREFIX
                + "NotAHandlerFunction: Class does not implement an appropriate handler"
                + " interface: "
                + NotAHandler.class.getName());
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions = @ApiFunction(name = "Caller", handler = NotAHandler.class))
  static class NotAHandlerFunction {
    @Test
    void test() {}
  }

  @Test
  void aFunctionWithBothHandlerAndHandlerName() {
    assertThat(failureOf(BothHandlers.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@ApiFunction(name = \"Caller\") in @WithApiGateway on class "
                + PREFIX
                + "BothHandlers: set handler or handlerName, not both");
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions =
          @ApiFunction(
              name = "Caller",
              handler = ApiCaller.class,
              handlerName = "dev.lambdalocal.junit.handlers.ApiCaller"))
  static class BothHandlers {
    @Test
    void test() {}
  }

  @Test
  void aBaseUriWithoutTheAnnotation() {
    assertThat(failureOf(BaseUriWithoutApi.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "@ApiBaseUri on parameter 'api' of method "
                + PREFIX
                + "BaseUriWithoutApi#test(URI) needs the API: annotate the class with"
                + " @WithApiGateway");
  }

  @WithCognitoMock
  static class BaseUriWithoutApi {
    @Test
    void test(@ApiBaseUri URI api) {}
  }

  @Test
  void aBaseUriThatIsNoUri() {
    assertThat(failureOf(BaseUriString.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "@ApiBaseUri on parameter 'api' of method "
                + PREFIX
                + "BaseUriString#test(String): the base URI is a java.net.URI, not a"
                + " java.lang.String");
  }

  @WithCognitoMock
  @WithApiGateway(
      definition = CALLER,
      functions = @ApiFunction(name = "Caller", handler = ApiCaller.class))
  static class BaseUriString {
    @Test
    void test(@ApiBaseUri String api) {}
  }
}
