package dev.lambdalocal.junit.internal.account;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LambdaTest;
import dev.lambdalocal.junit.WithCognitoMock;
import dev.lambdalocal.junit.WithLambdaService;
import dev.lambdalocal.junit.WithOfflineAccount;
import dev.lambdalocal.junit.internal.Stores;
import dev.lambdalocal.junit.internal.cognito.AccountSupport;
import dev.lambdalocal.junit.internal.cognito.DefaultAccount;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds a test's {@link WithOfflineAccount} and hands over to {@link AccountSupport} only once
 * lambda-local-cognito-mock is known to be on the class path, so that its absence is a message;
 * without the annotation, hands a function over to {@link DefaultAccount} when the mock is there.
 *
 * @since 0.1.0
 */
public final class AccountAnnotation {

  private static final String ACCOUNT = "dev.lambdalocal.account.OfflineAccount";
  private static final String SDK_CLIENT = "software.amazon.awssdk.core.SdkClient";
  private static final String ON_DEMAND = "on-demand";
  private static final String NONE = "none";

  /**
   * The annotation and the class context it belongs to.
   *
   * @param owner the class-level context whose store holds the account
   * @param annotation the annotation
   * @param origin where it is, for messages
   */
  public record Found(ExtensionContext owner, WithOfflineAccount annotation, String origin) {}

  private AccountAnnotation() {}

  /** Return the innermost class's annotation around {@code context}, if any. */
  public static Optional<Found> find(ExtensionContext context) {
    for (ExtensionContext level : Stores.classLevels(context)) {
      Class<?> type = level.getRequiredTestClass();
      Optional<WithOfflineAccount> annotation =
          AnnotationSupport.findAnnotation(type, WithOfflineAccount.class);
      if (annotation.isPresent()) {
        return Optional.of(
            new Found(level, annotation.get(), "@WithOfflineAccount on " + type.getName()));
      }
    }
    return Optional.empty();
  }

  /** Return whether a class around {@code context} has {@link WithCognitoMock}. */
  public static boolean hasCognitoMock(ExtensionContext context) {
    return Stores.classLevels(context).stream()
        .anyMatch(
            level ->
                AnnotationSupport.isAnnotated(level.getRequiredTestClass(), WithCognitoMock.class));
  }

  private static boolean hasLambdaService(ExtensionContext context) {
    return Stores.classLevels(context).stream()
        .anyMatch(
            level ->
                AnnotationSupport.isAnnotated(
                    level.getRequiredTestClass(), WithLambdaService.class));
  }

  /** Return whether {@code type} is {@code OfflineAccount}. */
  public static boolean isAccount(Class<?> type) {
    return type.getName().equals(ACCOUNT);
  }

  /** Return whether {@code type} is an AWS SDK v2 client interface. */
  public static boolean isSdkClient(Class<?> type) {
    return type.isInterface()
        && type.getName().startsWith("software.amazon.awssdk.services.")
        && extendsSdkClient(type);
  }

  private static boolean extendsSdkClient(Class<?> type) {
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.getName().equals(SDK_CLIENT) || extendsSdkClient(parent)) {
        return true;
      }
    }
    return false;
  }

  /** Return the account of {@code context}, starting it on first use. */
  public static Object account(ExtensionContext context) {
    Found found = require(context);
    return AccountSupport.account(found);
  }

  /** Return a client of {@code type} pointed at the account of {@code context}. */
  public static Object client(ExtensionContext context, Class<?> type) {
    return AccountSupport.client(require(context), context, type);
  }

  /**
   * Run a function of {@code region} built in {@code context} with its class's account, if it has
   * one, else with the run's default account ({@link LambdaTest#ACCOUNT_KEY}).
   */
  public static LocalLambda.Builder configure(
      ExtensionContext context, String region, LocalLambda.Builder builder) {
    Optional<Found> found = find(context);
    if (found.isPresent()) {
      requireDependency(found.get().origin());
      return AccountSupport.configure(found.get(), builder);
    }
    if (!defaultIsOnDemand(context) || hasLambdaService(context) || !hasDependency()) {
      // lambda-local's dummy credentials, no endpoint. A @WithLambdaService class's service
      // accepts those credentials, not the default account's.
      return builder;
    }
    return DefaultAccount.configure(context, region, builder);
  }

  private static boolean defaultIsOnDemand(ExtensionContext context) {
    Optional<String> value = context.getConfigurationParameter(LambdaTest.ACCOUNT_KEY);
    if (value.isEmpty() || value.get().trim().equalsIgnoreCase(ON_DEMAND)) {
      return true;
    }
    if (value.get().trim().equalsIgnoreCase(NONE)) {
      return false;
    }
    throw new ExtensionConfigurationException(
        "configuration parameter "
            + LambdaTest.ACCOUNT_KEY
            + " = \""
            + value.get()
            + "\": expected "
            + ON_DEMAND
            + " or "
            + NONE);
  }

  private static boolean hasDependency() {
    try {
      Class.forName(ACCOUNT, false, AccountAnnotation.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Found require(ExtensionContext context) {
    Found found =
        find(context)
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        "needs the offline account: annotate the class with @WithOfflineAccount"));
    requireDependency(found.origin());
    return found;
  }

  private static void requireDependency(String origin) {
    try {
      Class.forName(ACCOUNT, false, AccountAnnotation.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ExtensionConfigurationException(
          origin
              + ": needs lambda-local-cognito-mock on the test class path ("
              + ACCOUNT
              + " is missing); add the test dependency dev.lambdalocal:lambda-local-cognito-mock",
          e);
    }
  }
}
