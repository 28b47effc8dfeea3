package dev.lambdalocal.secretsmanager.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One secret with its versions. Not thread-safe: {@link SecretsManagerService} locks. */
final class StoredSecret {

  /** One version: a string or a binary value and its staging labels. */
  static final class Version {
    final String versionId;
    final String string;
    final byte[] binary;
    final Instant createdDate;
    final Set<String> stages = new LinkedHashSet<>();

    Version(String versionId, String string, byte[] binary, Instant createdDate) {
      this.versionId = versionId;
      this.string = string;
      this.binary = binary;
      this.createdDate = createdDate;
    }

    boolean sameValue(String otherString, byte[] otherBinary) {
      return java.util.Objects.equals(string, otherString)
          && java.util.Arrays.equals(binary, otherBinary);
    }
  }

  final String name;
  final String arn;
  final Instant createdDate;
  String description;
  String kmsKeyId;
  Map<String, String> tags = new LinkedHashMap<>();
  Instant lastChangedDate;
  Instant lastAccessedDate;

  /** When the secret will be deleted, or null when it is not scheduled for deletion. */
  Instant deletionDate;

  final Map<String, Version> versions = new LinkedHashMap<>();

  StoredSecret(String name, String arn, Instant createdDate) {
    this.name = name;
    this.arn = arn;
    this.createdDate = createdDate;
    this.lastChangedDate = createdDate;
  }

  Optional<Version> byStage(String stage) {
    return versions.values().stream().filter(v -> v.stages.contains(stage)).findFirst();
  }

  /**
   * Add a version carrying {@code stages}: the labels move to it from the other versions, and when
   * {@code AWSCURRENT} moves, the version that had it becomes {@code AWSPREVIOUS}, as Secrets
   * Manager rotates labels.
   */
  Version addVersion(Version version, List<String> stages) {
    if (stages.contains(SecretsManagerService.AWSCURRENT)) {
      Optional<Version> current = byStage(SecretsManagerService.AWSCURRENT);
      current.ifPresent(
          previous -> {
            versions.values().forEach(v -> v.stages.remove(SecretsManagerService.AWSPREVIOUS));
            previous.stages.add(SecretsManagerService.AWSPREVIOUS);
          });
    }
    for (String stage : stages) {
      versions.values().forEach(v -> v.stages.remove(stage));
    }
    version.stages.addAll(stages);
    versions.put(version.versionId, version);
    return version;
  }

  /** Return the versions that still carry a label, with their labels, as AWS lists them. */
  Map<String, List<String>> versionsToStages() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    versions.values().stream()
        .filter(v -> !v.stages.isEmpty())
        .forEach(v -> map.put(v.versionId, new ArrayList<>(v.stages)));
    return map;
  }
}
