package dev.lambdalocal.apigateway;

import dev.lambdalocal.core.LocalLambda;
import java.util.Optional;

/**
 * Finds the function that a definition file's integration {@code uri} names ({@code
 * …:function:NAME/invocations}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FunctionResolver {

  /**
   * Return the function named {@code name} (without its alias or version), or empty when there is
   * none.
   *
   * @param name the function name from the integration's {@code uri}
   * @return the function, or empty
   */
  Optional<LocalLambda> function(String name);
}
