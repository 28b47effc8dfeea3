package dev.lambdalocal.lambda.internal;

/**
 * An alias of a function.
 *
 * @param name the alias name
 * @param functionVersion the version it points to
 * @param description the description; empty when none
 * @param revisionId changes with every update
 */
public record AliasRecord(
    String name, String functionVersion, String description, String revisionId) {}
