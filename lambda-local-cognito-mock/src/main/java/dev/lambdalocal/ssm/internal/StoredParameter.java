package dev.lambdalocal.ssm.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One parameter and its history. Not thread-safe: {@link SsmService} locks. */
final class StoredParameter {

  /**
   * One version, as GetParameterHistory lists it; a SecureString's value is also kept in the
   * encrypted form AWS returns without {@code WithDecryption}.
   */
  record Version(
      long version,
      String type,
      String value,
      String ciphertext,
      String description,
      String keyId,
      Instant lastModifiedDate,
      String lastModifiedUser) {}

  final String name;
  final String arn;
  final List<Version> history = new ArrayList<>();

  StoredParameter(String name, String arn) {
    this.name = name;
    this.arn = arn;
  }

  Version latest() {
    return history.get(history.size() - 1);
  }
}
