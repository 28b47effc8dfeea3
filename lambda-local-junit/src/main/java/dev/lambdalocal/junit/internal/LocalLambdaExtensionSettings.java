package dev.lambdalocal.junit.internal;

import dev.lambdalocal.junit.LambdaTest.ColdStart;
import dev.lambdalocal.junit.LocalLambdaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a {@link LocalLambdaExtension.Builder} was given, unchecked but for nulls (the extension
 * checks the settings when the tests start), and its {@link Registration}: the public builder keeps
 * only its documented setters, each one statement that delegates here. Every setter returns the
 * builder these settings belong to.
 */
public final class LocalLambdaExtensionSettings {

  private final LocalLambdaExtension.Builder builder;
  private Object handler;
  private String method;
  private int handlerCalls;
  private String functionName;
  private Duration timeout;
  private int memorySize;
  private String region;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<Path> environmentFiles = new ArrayList<>();
  private ColdStart coldStart = ColdStart.DEFAULT;

  /** Hold the settings of {@code builder}, which the setters return. */
  public LocalLambdaExtensionSettings(LocalLambdaExtension.Builder builder) {
    this.builder = builder;
  }

  /** Use a handler class created with its no-argument constructor. */
  public LocalLambdaExtension.Builder handler(Class<?> handlerClass) {
    return setHandler(Objects.requireNonNull(handlerClass, "handlerClass"), null);
  }

  /** Use a handler method of a class: Lambda's {@code Class::method}. */
  public LocalLambdaExtension.Builder handler(Class<?> handlerClass, String method) {
    return setHandler(
        Objects.requireNonNull(handlerClass, "handlerClass"),
        Objects.requireNonNull(method, "method"));
  }

  /** Create the handler with a factory, once per execution environment. */
  public <T> LocalLambdaExtension.Builder handler(
      Class<T> handlerClass, Supplier<? extends T> factory) {
    return setHandler(
        new Registration.Factory(
            Objects.requireNonNull(handlerClass, "handlerClass"),
            Objects.requireNonNull(factory, "factory"),
            null),
        null);
  }

  /** Create the handler with a factory that takes the function's class or test context. */
  public <T> LocalLambdaExtension.Builder handlerFactory(
      Class<T> handlerClass, Function<ExtensionContext, ? extends T> factory) {
    return setHandler(
        new Registration.Factory(
            Objects.requireNonNull(handlerClass, "handlerClass"),
            null,
            Objects.requireNonNull(factory, "factory")),
        null);
  }

  /** Use a handler string: {@code package.Class} or {@code package.Class::method}. */
  public LocalLambdaExtension.Builder handlerName(String handlerName) {
    return setHandler(Objects.requireNonNull(handlerName, "handlerName"), null);
  }

  /** Count each handler set, so that the extension can report a second one. */
  private LocalLambdaExtension.Builder setHandler(Object handler, String method) {
    this.handler = handler;
    this.method = method;
    this.handlerCalls++;
    return builder;
  }

  /** Set the function name. */
  public LocalLambdaExtension.Builder functionName(String functionName) {
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    return builder;
  }

  /** Set the timeout. */
  public LocalLambdaExtension.Builder timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    return builder;
  }

  /** Set the memory size in MB. */
  public LocalLambdaExtension.Builder memorySize(int megabytes) {
    this.memorySize = megabytes;
    return builder;
  }

  /** Set the AWS region. */
  public LocalLambdaExtension.Builder region(String region) {
    this.region = Objects.requireNonNull(region, "region");
    return builder;
  }

  /** Add environment variables; later ones override earlier ones and environment files. */
  public LocalLambdaExtension.Builder environment(Map<String, String> variables) {
    this.environment.putAll(variables);
    return builder;
  }

  /** Add one environment variable. */
  public LocalLambdaExtension.Builder environmentVariable(String name, String value) {
    this.environment.put(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return builder;
  }

  /** Read variables from a SAM CLI-style env-vars JSON file. */
  public LocalLambdaExtension.Builder environmentFile(Path file) {
    this.environmentFiles.add(Objects.requireNonNull(file, "file"));
    return builder;
  }

  /** Set when the function starts a new execution environment. */
  public LocalLambdaExtension.Builder coldStart(ColdStart coldStart) {
    this.coldStart = Objects.requireNonNull(coldStart, "coldStart");
    return builder;
  }

  /** Return what the extension was built with, for it to check when the tests start. */
  public Registration registration() {
    return new Registration(
        handler,
        method,
        handlerCalls,
        functionName,
        timeout,
        memorySize,
        region,
        Map.copyOf(environment),
        List.copyOf(environmentFiles),
        coldStart);
  }
}
