package dev.lambdalocal.lambda.internal;

import java.time.Instant;

/**
 * One version of a function, immutable: {@code $LATEST} as it is now, or a published number.
 *
 * @param name the function name
 * @param version {@code $LATEST} or {@code 1}, {@code 2}, …
 * @param settings the configuration
 * @param code the deployment package
 * @param revisionId changes with every change of this version
 * @param lastModified when this version last changed
 */
public record FunctionVersion(
    String name,
    String version,
    FunctionSettings settings,
    FunctionCode code,
    String revisionId,
    Instant lastModified) {

  /** The unpublished version. */
  public static final String LATEST = "$LATEST";
}
