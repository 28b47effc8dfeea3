package dev.lambdalocal.aws.internal;

import dev.lambdalocal.aws.internal.sigv4.KeyRing;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** Builds SDK v2 clients of any service for an offline endpoint. */
public final class Clients {

  private Clients() {}

  /**
   * Build a client from {@code builder}: endpoint override to {@code endpoint}, {@code region}, the
   * account's long-term key, no profile file read, {@code url-connection-client}.
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, URI endpoint, String region) {
    return build(
        builder,
        endpoint,
        region,
        AwsBasicCredentials.create(KeyRing.ACCESS_KEY_ID, KeyRing.SECRET_KEY));
  }

  /**
   * Build a client from {@code builder}: endpoint override to {@code endpoint}, {@code region},
   * static {@code credentials}, no profile file read, {@code url-connection-client}.
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, URI endpoint, String region, AwsCredentials credentials) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.defaultProfileFile(ProfileFile.aggregator().build()))
        .build();
  }
}
