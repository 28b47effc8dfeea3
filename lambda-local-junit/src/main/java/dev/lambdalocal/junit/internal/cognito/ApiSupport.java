package dev.lambdalocal.junit.internal.cognito;

import dev.lambdalocal.apigateway.ApiClient;
import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.WithApiGateway.ApiType;
import dev.lambdalocal.junit.internal.ApiGatewaySettings;
import dev.lambdalocal.junit.internal.FunctionSettings;
import dev.lambdalocal.junit.internal.StoredResource;
import dev.lambdalocal.junit.internal.Stores;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, finds and stores the APIs of {@code @WithApiGateway}: the {@code ApiGatewayMock}, its
 * functions and its {@code ApiClient}, kept together in the store of the annotated class and closed
 * together when it ends.
 *
 * <p>Its methods return {@code Object} rather than the mock's types, so that the classes calling
 * them never mention lambda-local-cognito-mock.
 *
 * @since 0.1.0
 */
public final class ApiSupport {

  private ApiSupport() {}

  /**
   * Start (or find) the API of {@code settings}.
   *
   * @param settings the settings of the class's annotation
   * @since 0.1.0
   */
  public static void api(ApiGatewaySettings settings) {
    running(settings);
  }

  /**
   * Return the API's client, signing as a Cognito identity of the class's mock.
   *
   * @param settings the settings of the class's annotation
   * @return the {@code ApiClient}
   * @since 0.1.0
   */
  public static Object client(ApiGatewaySettings settings) {
    return running(settings).client();
  }

  /**
   * Return the API.
   *
   * @param settings the settings of the class's annotation
   * @return the {@code ApiGatewayMock}
   * @since 0.1.0
   */
  public static Object mock(ApiGatewaySettings settings) {
    return running(settings).api();
  }

  /**
   * Return the base URI of the API's stage.
   *
   * @param settings the settings of the class's annotation
   * @return {@code http://127.0.0.1:<port>/<stage>/}
   * @since 0.1.0
   */
  public static URI baseUri(ApiGatewaySettings settings) {
    return running(settings).api().baseUri();
  }

  @SuppressWarnings({"deprecation", "unchecked"}) // getOrComputeIfAbsent: see Functions
  private static RunningApi running(ApiGatewaySettings settings) {
    ExtensionContext owner = settings.owner();
    return ((StoredResource<RunningApi>)
            Stores.store(owner)
                .getOrComputeIfAbsent(
                    new ApiKey(owner.getUniqueId()),
                    key -> StoredResource.of(start(settings)),
                    StoredResource.class))
        .get();
  }

  private static RunningApi start(ApiGatewaySettings settings) {
    CognitoMock cognito = (CognitoMock) CognitoSupport.cognitoMock(settings.cognito());
    Map<String, LocalLambda> functions = new LinkedHashMap<>();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      for (Map.Entry<String, FunctionSettings> function : settings.functions().entrySet()) {
        LocalLambda lambda = function.getValue().build();
        started.add(0, lambda);
        functions.put(function.getKey(), lambda);
      }
      ApiGatewayMock.Builder builder =
          settings.type() == ApiType.HTTP ? ApiGatewayMock.httpApi() : ApiGatewayMock.restApi();
      settings.stage().ifPresent(builder::stage);
      try {
        builder
            .region(cognito.region())
            .accountId(cognito.accountId())
            .iamAuthorizer(IamAuthorizer.sigV4(cognito));
        settings.placeholders().forEach(builder::define);
        settings
            .integrationHosts()
            .forEach(
                (host, port) ->
                    builder.integrationHost(host, URI.create("http://127.0.0.1:" + port)));
        builder.definition(settings.definition(), functions);
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            settings.definitionOrigin() + ": " + e.getMessage(), e);
      }
      ApiGatewayMock api;
      try {
        api = builder.start();
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            settings.definitionOrigin() + ": " + e.getMessage(), e);
      }
      started.add(0, api);
      ApiClient client = ApiClient.builder().baseUri(api.baseUri()).cognito(cognito).build();
      return new RunningApi(api, client, List.copyOf(functions.values()));
    } catch (RuntimeException e) {
      for (AutoCloseable resource : started) {
        try {
          resource.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** The API, its client and its functions, closed in that order. */
  record RunningApi(ApiGatewayMock api, ApiClient client, List<LocalLambda> functions)
      implements AutoCloseable {

    @Override
    public void close() throws Exception {
      Exception failure = null;
      List<AutoCloseable> resources = new ArrayList<>();
      resources.add(client);
      resources.add(api);
      resources.addAll(functions);
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private record ApiKey(String owner) {}
}
