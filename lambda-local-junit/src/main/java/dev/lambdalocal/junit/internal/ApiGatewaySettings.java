package dev.lambdalocal.junit.internal;

import dev.lambdalocal.junit.ApiFunction;
import dev.lambdalocal.junit.ApiPlaceholder;
import dev.lambdalocal.junit.IntegrationHost;
import dev.lambdalocal.junit.WithApiGateway;
import dev.lambdalocal.junit.WithApiGateway.ApiType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The API a test uses, as the innermost {@link WithApiGateway @WithApiGateway} around it describes
 * it; checked, with the origin of each value kept for error messages. Refers to no type of
 * lambda-local-cognito-mock, so it can be used without it.
 *
 * @since 0.1.0
 */
public final class ApiGatewaySettings {

  private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final ExtensionContext owner;
  private final String origin;
  private final Path definition;
  private final String definitionOrigin;
  private final ApiType type;
  private final String stage;
  private final Map<String, FunctionSettings> functions;
  private final CognitoMockSettings cognito;
  private final Map<String, String> placeholders;
  private final Map<String, Integer> integrationHosts;

  private ApiGatewaySettings(
      ExtensionContext owner,
      String origin,
      Path definition,
      String definitionOrigin,
      ApiType type,
      String stage,
      Map<String, FunctionSettings> functions,
      CognitoMockSettings cognito,
      Map<String, String> placeholders,
      Map<String, Integer> integrationHosts) {
    this.owner = owner;
    this.origin = origin;
    this.definition = definition;
    this.definitionOrigin = definitionOrigin;
    this.type = type;
    this.stage = stage;
    this.functions = functions;
    this.cognito = cognito;
    this.placeholders = placeholders;
    this.integrationHosts = integrationHosts;
  }

  /**
   * Return whether a class around {@code context} has (or inherits) {@link WithApiGateway}, without
   * checking it.
   *
   * @param context the current context
   * @return whether an API is declared
   * @since 0.1.0
   */
  public static boolean isDeclared(ExtensionContext context) {
    return Stores.classLevels(context).stream()
        .anyMatch(
            level ->
                AnnotationSupport.isAnnotated(level.getRequiredTestClass(), WithApiGateway.class));
  }

  /**
   * Find the settings of the innermost class around {@code context} that has (or inherits) {@link
   * WithApiGateway @WithApiGateway}; resolved once per class. lambda-local-cognito-mock is checked
   * first, so that the classes that use it can be loaded afterwards.
   *
   * @param context the current context
   * @return the settings, or empty when no class around the context declares an API
   * @throws ExtensionConfigurationException naming the attribute whose value is wrong, or the
   *     missing {@code @WithCognitoMock} or dependency
   * @since 0.1.0
   */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: see Functions
  public static Optional<ApiGatewaySettings> find(ExtensionContext context) {
    for (ExtensionContext level : Stores.classLevels(context)) {
      Optional<WithApiGateway> annotation =
          AnnotationSupport.findAnnotation(level.getRequiredTestClass(), WithApiGateway.class);
      if (annotation.isPresent()) {
        return Optional.of(
            Stores.store(level)
                .getOrComputeIfAbsent(
                    new Key(level.getUniqueId()),
                    key -> resolve(level, annotation.get()),
                    ApiGatewaySettings.class));
      }
    }
    return Optional.empty();
  }

  private static ApiGatewaySettings resolve(ExtensionContext owner, WithApiGateway annotation) {
    String where = Describe.element(owner.getRequiredTestClass());
    String origin = "@WithApiGateway on " + where;
    CognitoDependency.require(origin);

    String file = annotation.definition();
    String definitionOrigin = "@WithApiGateway(definition = \"" + file + "\") on " + where;
    if (file.isBlank()) {
      throw new ExtensionConfigurationException(
          definitionOrigin
              + ": name the Swagger 2.0 or OpenAPI 3 file, relative to the working directory");
    }
    Path definition = Path.of(file).toAbsolutePath().normalize();
    if (!Files.isRegularFile(definition)) {
      throw new ExtensionConfigurationException(
          definitionOrigin + ": no such file (looked for " + definition + ")");
    }

    String stage = annotation.stage().isEmpty() ? null : annotation.stage();
    if (stage != null) {
      String stageOrigin = "@WithApiGateway(stage = \"" + stage + "\") on " + where;
      if (stage.equals("$default")) {
        if (annotation.type() == ApiType.REST) {
          throw new ExtensionConfigurationException(
              stageOrigin + ": a REST API stage cannot be named $default");
        }
      } else if (!STAGE.matcher(stage).matches()) {
        throw new ExtensionConfigurationException(
            stageOrigin
                + ": a stage name is 1 to 128 letters, digits, '-' or '_'"
                + (annotation.type() == ApiType.HTTP ? ", or $default" : ""));
      }
    }

    Map<String, FunctionSettings> functions = new LinkedHashMap<>();
    for (ApiFunction function : annotation.functions()) {
      String name = function.name();
      String named = "@ApiFunction(name = \"" + name + "\"";
      String in = ") in @WithApiGateway on " + where;
      if (!FUNCTION_NAME.matcher(name).matches()) {
        throw new ExtensionConfigurationException(
            named + in + ": a function name is 1 to 64 letters, digits, '-' or '_'");
      }
      if (functions.containsKey(name)) {
        throw new ExtensionConfigurationException(
            named + in + ": the name is given twice; name each function once");
      }
      functions.put(
          name,
          FunctionSettings.resolveNamed(
              owner,
              name,
              function.handler(),
              function.method(),
              function.handlerName(),
              attributes -> named + (attributes.isEmpty() ? "" : ", " + attributes) + in));
    }

    CognitoMockSettings cognito =
        CognitoMockSettings.find(owner)
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        origin
                            + ": the API's IAM authorization accepts the signatures of the"
                            + " Cognito mock's identities; annotate the class with"
                            + " @WithCognitoMock"));
    return new ApiGatewaySettings(
        owner,
        origin,
        definition,
        definitionOrigin,
        annotation.type(),
        stage,
        Map.copyOf(functions),
        cognito,
        placeholders(annotation, where),
        integrationHosts(annotation, where));
  }

  private static Map<String, String> placeholders(WithApiGateway annotation, String where) {
    Map<String, String> placeholders = new LinkedHashMap<>();
    for (ApiPlaceholder placeholder : annotation.placeholders()) {
      String named =
          "@ApiPlaceholder(name = \""
              + placeholder.name()
              + "\") in @WithApiGateway(placeholders) on "
              + where;
      if (!PLACEHOLDER.matcher(placeholder.name()).matches()) {
        throw new ExtensionConfigurationException(
            named + ": a placeholder name is upper-case letters, digits and '_', without the %");
      }
      if (placeholders.put(placeholder.name(), placeholder.value()) != null) {
        throw new ExtensionConfigurationException(
            named + ": the name is given twice; define each placeholder once");
      }
    }
    return Map.copyOf(placeholders);
  }

  private static Map<String, Integer> integrationHosts(WithApiGateway annotation, String where) {
    Map<String, Integer> hosts = new LinkedHashMap<>();
    for (IntegrationHost host : annotation.integrationHosts()) {
      String named =
          "@IntegrationHost(host = \""
              + host.host()
              + "\", port = "
              + host.port()
              + ") in @WithApiGateway(integrationHosts) on "
              + where;
      if (host.host().isBlank() || host.port() < 1 || host.port() > 65535) {
        throw new ExtensionConfigurationException(
            named + ": give the integration uri's host and a port of 1 to 65535");
      }
      hosts.put(host.host(), host.port());
    }
    return Map.copyOf(hosts);
  }

  /** Return the values of the definition's placeholders. */
  public Map<String, String> placeholders() {
    return placeholders;
  }

  /** Return the loopback port of each mapped integration host. */
  public Map<String, Integer> integrationHosts() {
    return integrationHosts;
  }

  /**
   * Return the context of the class whose annotation this is: the API's owner.
   *
   * @since 0.1.0
   */
  public ExtensionContext owner() {
    return owner;
  }

  /**
   * Return where the annotation is, for messages: {@code @WithApiGateway on class …}.
   *
   * @since 0.1.0
   */
  public String origin() {
    return origin;
  }

  /**
   * Return the definition file, absolute.
   *
   * @since 0.1.0
   */
  public Path definition() {
    return definition;
  }

  /**
   * Return where the definition is named, for messages about its content.
   *
   * @since 0.1.0
   */
  public String definitionOrigin() {
    return definitionOrigin;
  }

  /**
   * Return the kind of API.
   *
   * @since 0.1.0
   */
  public ApiType type() {
    return type;
  }

  /**
   * Return the stage, or empty for the kind of API's default.
   *
   * @since 0.1.0
   */
  public Optional<String> stage() {
    return Optional.ofNullable(stage);
  }

  /**
   * Return the functions by name.
   *
   * @since 0.1.0
   */
  public Map<String, FunctionSettings> functions() {
    return functions;
  }

  /**
   * Return the settings of the Cognito mock whose identities may call the API.
   *
   * @since 0.1.0
   */
  public CognitoMockSettings cognito() {
    return cognito;
  }

  private record Key(String owner) {}
}
