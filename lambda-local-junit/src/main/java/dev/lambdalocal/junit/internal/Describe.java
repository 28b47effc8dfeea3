package dev.lambdalocal.junit.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Names what an error message is about, the way JUnit names test sources: {@code class
 * pkg.Tests$Nested}, {@code method pkg.Tests#name(SQSEvent)}, {@code parameter 'event' of method
 * …}.
 *
 * @since 0.1.0
 */
public final class Describe {

  private Describe() {}

  /**
   * Name a parameter and its method or constructor.
   *
   * @param parameter the parameter
   * @return e.g. {@code parameter 'event' of method pkg.Tests#accepts(SQSEvent, LocalLambda)}
   */
  public static String parameter(ParameterContext parameter) {
    return "parameter '"
        + parameter.getParameter().getName()
        + "' of "
        + executable(parameter.getDeclaringExecutable());
  }

  /**
   * Name a method, a constructor or a class.
   *
   * @param element the element
   * @return e.g. {@code class pkg.Tests} or {@code method pkg.Tests#slow()}
   */
  public static String element(AnnotatedElement element) {
    if (element instanceof Class<?> type) {
      return "class " + type.getName();
    }
    if (element instanceof Executable executable) {
      return executable(executable);
    }
    return String.valueOf(element);
  }

  private static String executable(Executable executable) {
    String parameters =
        Arrays.stream(executable.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
    String owner = executable.getDeclaringClass().getName();
    if (executable instanceof Constructor<?>) {
      return "constructor " + owner + parameters;
    }
    return "method " + owner + "#" + ((Method) executable).getName() + parameters;
  }
}
