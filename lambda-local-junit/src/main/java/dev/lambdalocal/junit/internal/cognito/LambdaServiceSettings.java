package dev.lambdalocal.junit.internal.cognito;

import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.WithLambdaService;
import dev.lambdalocal.junit.internal.Stores;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@code @WithLambdaService} that applies to a context: the innermost class level that carries
 * it owns the service.
 *
 * @param owner the class-level context that owns the service
 * @param annotation the annotation
 * @since 0.1.0
 */
public record LambdaServiceSettings(ExtensionContext owner, WithLambdaService annotation) {

  private static final List<String> REQUIRED =
      List.of(
          "dev.lambdalocal.lambda.LambdaServiceMock",
          "software.amazon.awssdk.services.lambda.LambdaClient");

  /**
   * Return the settings of {@code context}, checking that lambda-local-cognito-mock is there.
   *
   * @param context any context
   * @return the settings, empty when no enclosing class has the annotation
   * @throws ExtensionConfigurationException naming the class when the dependency is missing
   * @since 0.1.0
   */
  public static Optional<LambdaServiceSettings> find(ExtensionContext context) {
    // Innermost class first.
    List<ExtensionContext> levels = Stores.classLevels(context);
    for (int i = 0; i < levels.size(); i++) {
      ExtensionContext level = levels.get(i);
      Optional<WithLambdaService> annotation =
          AnnotationSupport.findAnnotation(level.getRequiredTestClass(), WithLambdaService.class);
      if (annotation.isPresent()) {
        require(level.getRequiredTestClass());
        return Optional.of(new LambdaServiceSettings(level, annotation.get()));
      }
    }
    return Optional.empty();
  }

  private static void require(Class<?> testClass) {
    for (String type : REQUIRED) {
      try {
        Class.forName(type, false, LambdaServiceSettings.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ExtensionConfigurationException(
            "@WithLambdaService on "
                + testClass.getName()
                + ": needs lambda-local-cognito-mock on the test class path ("
                + type
                + " is missing); add the test dependency dev.lambdalocal:lambda-local-cognito-mock",
            e);
      }
    }
  }

  /**
   * Return the region of the class's {@code @LambdaTest} function, which the service takes unless
   * the annotation names one: the innermost {@code @LambdaTest(region = …)}, else {@link
   * LambdaTest#REGION_KEY}, else {@code us-east-1}.
   *
   * @param context any context of the class
   * @return the region
   * @since 0.1.0
   */
  public static String functionRegion(ExtensionContext context) {
    List<ExtensionContext> levels = Stores.classLevels(context);
    for (int i = 0; i < levels.size(); i++) {
      Optional<LambdaTest> test =
          AnnotationSupport.findAnnotation(levels.get(i).getRequiredTestClass(), LambdaTest.class);
      if (test.isPresent() && !test.get().region().isEmpty()) {
        return test.get().region();
      }
    }
    return context.getConfigurationParameter(LambdaTest.REGION_KEY).orElse("us-east-1");
  }
}
