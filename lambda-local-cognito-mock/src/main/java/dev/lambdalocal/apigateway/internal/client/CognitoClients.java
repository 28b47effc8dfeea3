package dev.lambdalocal.apigateway.internal.client;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClientBuilder;

/** Builds the Cognito Identity client of an {@code ApiClient}. */
public final class CognitoClients {

  private CognitoClients() {}

  /**
   * Create a client that calls only the unauthenticated operations ({@code GetId}, {@code
   * GetCredentialsForIdentity}), so it needs no credentials: anonymous credentials (the SDK sends
   * these operations unsigned anyway) and an empty profile file, so that neither {@code
   * ~/.aws/credentials} nor {@code ~/.aws/config} is read. Without {@code endpoint} the SDK
   * resolves Cognito's own regional endpoint.
   *
   * @param endpoint the endpoint override (a mock), or null for AWS
   * @param region the region
   * @param connectTimeout the connection timeout
   * @param requestTimeout the socket (read) timeout
   * @return a new client; the caller closes it
   */
  public static CognitoIdentityClient create(
      URI endpoint, String region, Duration connectTimeout, Duration requestTimeout) {
    CognitoIdentityClientBuilder builder =
        CognitoIdentityClient.builder()
            .region(Region.of(region))
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(connectTimeout)
                    .socketTimeout(requestTimeout))
            .overrideConfiguration(c -> c.defaultProfileFile(ProfileFile.aggregator().build()));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }
}
