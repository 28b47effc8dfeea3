package dev.lambdalocal.junit.internal.cognito;

import dev.lambdalocal.junit.internal.StoredResource;
import dev.lambdalocal.junit.internal.Stores;
import dev.lambdalocal.lambda.LambdaServiceMock;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Starts and stores the service of a {@code @WithLambdaService} class and its client, in the owning
 * class's store (closed by the engine when the class ends). Returns {@code Object} so that callers
 * never mention the service's types.
 *
 * @since 0.1.0
 */
public final class LambdaServiceSupport {

  private LambdaServiceSupport() {}

  /**
   * Return the class's service, starting it on first use in {@code region} unless the annotation
   * names one.
   *
   * @param settings the settings
   * @param region the {@code @LambdaTest} function's region
   * @return the {@code LambdaServiceMock}
   * @since 0.1.0
   */
  @SuppressWarnings({"deprecation", "unchecked"}) // getOrComputeIfAbsent: see Functions
  public static Object service(LambdaServiceSettings settings, String region) {
    String chosen =
        settings.annotation().region().isEmpty() ? region : settings.annotation().region();
    return ((StoredResource<LambdaServiceMock>)
            Stores.store(settings.owner())
                .getOrComputeIfAbsent(
                    new ServiceKey(settings.owner().getUniqueId()),
                    key -> StoredResource.of(LambdaServiceMock.builder().region(chosen).start()),
                    StoredResource.class))
        .get();
  }

  /**
   * Return the class's service, started in the region of the class's {@code @LambdaTest} function
   * unless the annotation names one.
   *
   * @param settings the settings
   * @return the {@code LambdaServiceMock}
   * @since 0.1.0
   */
  public static Object service(LambdaServiceSettings settings) {
    return service(settings, LambdaServiceSettings.functionRegion(settings.owner()));
  }

  /**
   * Return the endpoint the class's {@code @LambdaTest} function gets, or null when the annotation
   * says not to set it.
   *
   * @param settings the settings
   * @param region the function's region
   * @return {@code http://127.0.0.1:<port>}, or null
   * @since 0.1.0
   */
  public static String endpointVariable(LambdaServiceSettings settings, String region) {
    if (!settings.annotation().setEndpointVariable()) {
      return null;
    }
    return ((LambdaServiceMock) service(settings, region)).endpoint().toString();
  }

  /**
   * Return the class's client.
   *
   * @param settings the settings
   * @return the {@code LambdaClient}
   * @since 0.1.0
   */
  @SuppressWarnings({"deprecation", "unchecked"})
  public static Object client(LambdaServiceSettings settings) {
    LambdaServiceMock service = (LambdaServiceMock) service(settings);
    return ((StoredResource<LambdaClient>)
            Stores.store(settings.owner())
                .getOrComputeIfAbsent(
                    new ClientKey(settings.owner().getUniqueId()),
                    key -> StoredResource.of(service.createClient()),
                    StoredResource.class))
        .get();
  }

  private record ServiceKey(String owner) {}

  private record ClientKey(String owner) {}
}
