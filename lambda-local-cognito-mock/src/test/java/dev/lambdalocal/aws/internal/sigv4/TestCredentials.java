package dev.lambdalocal.aws.internal.sigv4;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Credentials the tests sign with, and the resolver the verifier finds them through. */
final class TestCredentials {

  /** Temporary credentials of one Cognito identity, valid for an hour after {@code NOW}. */
  static final AwsSessionCredentialsIdentity ALICE =
      AwsSessionCredentialsIdentity.create(
          "ASIAALICE0000000001", "aliceSecretKey0000000000000000000000000", "alice-session-token");

  /** Temporary credentials of another identity. */
  static final AwsSessionCredentialsIdentity BOB =
      AwsSessionCredentialsIdentity.create(
          "ASIABOB00000000000002",
          "bobSecretKey00000000000000000000000000000",
          "bob-session-token");

  /** Temporary credentials that expired a second before {@code NOW}. */
  static final AwsSessionCredentialsIdentity EXPIRED =
      AwsSessionCredentialsIdentity.create(
          "ASIAEXPIRED000000003", "expiredSecretKey0000000000000000000000000", "expired-token");

  /** A long-term access key, used without a session token. */
  static final AwsCredentialsIdentity LONG_TERM =
      AwsCredentialsIdentity.create(
          "AKIALONGTERM00000004", "longTermSecretKey000000000000000000000");

  /** A key the resolver does not know. */
  static final AwsSessionCredentialsIdentity UNKNOWN =
      AwsSessionCredentialsIdentity.create(
          "ASIAUNKNOWN000000005", "unknownSecretKey000000000000000000000000", "unknown-token");

  static final Map<String, ResolvedCredentials> ISSUED =
      Map.of(
          ALICE.accessKeyId(),
          new ResolvedCredentials(
              ALICE.secretAccessKey(),
              ALICE.sessionToken(),
              SdkSigning.NOW.plusSeconds(3600),
              "alice-principal"),
          BOB.accessKeyId(),
          new ResolvedCredentials(
              BOB.secretAccessKey(),
              BOB.sessionToken(),
              SdkSigning.NOW.plusSeconds(3600),
              "bob-principal"),
          EXPIRED.accessKeyId(),
          new ResolvedCredentials(
              EXPIRED.secretAccessKey(),
              EXPIRED.sessionToken(),
              SdkSigning.NOW.minusSeconds(1),
              "expired-principal"),
          LONG_TERM.accessKeyId(),
          new ResolvedCredentials(LONG_TERM.secretAccessKey(), null, null, "long-term-principal"));

  static final CredentialsResolver RESOLVER = id -> Optional.ofNullable(ISSUED.get(id));

  private TestCredentials() {}
}
