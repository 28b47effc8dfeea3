package dev.lambdalocal.junit.internal;

import dev.lambdalocal.junit.LambdaTest.ColdStart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a {@code LocalLambdaExtension} was built with: the programmatic form of {@link
 * dev.lambdalocal.junit.LambdaTest @LambdaTest}'s attributes, unchecked. {@code null} and {@code 0}
 * mean "not set".
 *
 * @param handler a {@code Class}, a handler string or a {@link Factory}, or {@code null}
 * @param method the handler method on a handler class, or {@code null}
 * @param handlerCalls how many times a handler was set, to report a second one
 * @param functionName the function name
 * @param timeout the timeout
 * @param memorySize the memory size in MB
 * @param region the region
 * @param environment the environment variables
 * @param environmentFiles the SAM CLI-style env-vars files
 * @param coldStart the cold start policy, {@link ColdStart#DEFAULT} when not set
 * @since 0.1.0
 */
public record Registration(
    Object handler,
    String method,
    int handlerCalls,
    String functionName,
    Duration timeout,
    int memorySize,
    String region,
    Map<String, String> environment,
    List<Path> environmentFiles,
    ColdStart coldStart) {

  /**
   * A handler created by a factory in each init phase.
   *
   * @param handlerClass the class of the handlers the factory returns
   * @param factory the factory, or {@code null} when {@code contextual} is set
   * @param contextual the factory that takes the context of the function's class or test, or {@code
   *     null}
   * @since 0.1.0
   */
  public record Factory(
      Class<?> handlerClass, Supplier<?> factory, Function<ExtensionContext, ?> contextual) {

    /**
     * Return the factory of a function that belongs to {@code owner}.
     *
     * @param owner the context of the class or test the function belongs to
     * @return a factory without argument
     */
    Supplier<?> bind(ExtensionContext owner) {
      return factory != null ? factory : () -> contextual.apply(owner);
    }

    // Written out, as FunctionSettings.Values' are: no ObjectMethods bootstrap in a cold start.
    // The factories compare by identity: one registration, one function.
    @Override
    public boolean equals(Object other) {
      return other instanceof Factory that
          && handlerClass == that.handlerClass
          && factory == that.factory
          && contextual == that.contextual;
    }

    @Override
    public int hashCode() {
      return 31 * handlerClass.hashCode()
          + System.identityHashCode(factory)
          + 17 * System.identityHashCode(contextual);
    }
  }
}
