package dev.lambdalocal.apigateway.internal.definitions;

/**
 * What is wrong with one part of a definition; the parser adds the file, method and path before a
 * user reads it.
 */
final class InvalidDefinition extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidDefinition(String problem) {
    super(problem);
  }
}
