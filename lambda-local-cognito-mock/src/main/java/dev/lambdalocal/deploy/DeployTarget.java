package dev.lambdalocal.deploy;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * Where to deploy: a Lambda endpoint (the offline service's, or AWS's when null), and the AWS
 * profile and region to use (the SDK's default chains when null: {@code AWS_PROFILE}, {@code
 * AWS_REGION}, {@code ~/.aws/config}, …).
 *
 * @param endpoint the endpoint override, or null for the region's AWS endpoint
 * @param profile the named profile of {@code ~/.aws/credentials}, or null
 * @param region the region, or null
 * @since 0.1.0
 */
public record DeployTarget(URI endpoint, String profile, String region) {

  /**
   * Create an SDK v2 client for this target ({@code url-connection-client}); the caller closes it.
   *
   * @return a new client
   */
  public LambdaClient createClient() {
    LambdaClientBuilder builder =
        LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (profile != null) {
      builder.overrideConfiguration(c -> c.defaultProfileName(profile));
    }
    builder.credentialsProvider(
        profile != null
            ? ProfileCredentialsProvider.create(profile)
            : DefaultCredentialsProvider.builder().build());
    return builder.build();
  }
}
