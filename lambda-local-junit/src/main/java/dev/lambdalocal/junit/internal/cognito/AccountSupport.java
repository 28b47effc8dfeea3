package dev.lambdalocal.junit.internal.cognito;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.Secret;
import dev.lambdalocal.junit.SsmParameter;
import dev.lambdalocal.junit.WithOfflineAccount;
import dev.lambdalocal.junit.internal.FunctionSettings;
import dev.lambdalocal.junit.internal.StoredResource;
import dev.lambdalocal.junit.internal.Stores;
import dev.lambdalocal.junit.internal.account.AccountAnnotation.Found;
import dev.lambdalocal.ssm.ParameterType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

/**
 * Starts and stores a class's {@link OfflineAccount}; loaded only when lambda-local-cognito-mock is
 * on the class path.
 *
 * @since 0.1.0
 */
public final class AccountSupport {

  private record AccountKey(Class<?> owner) {}

  private record ClientKey(String owner, Class<?> type) {}

  private AccountSupport() {}

  // getOrComputeIfAbsent is the 5.10 API; 5.13 deprecates it in favour of computeIfAbsent.
  @SuppressWarnings({"deprecation", "unchecked"})
  /** Return the account of {@code found}'s class, starting it on first use. */
  public static OfflineAccount account(Found found) {
    ExtensionContext owner = found.owner();
    return ((StoredResource<OfflineAccount>)
            Stores.store(owner)
                .getOrComputeIfAbsent(
                    new AccountKey(owner.getRequiredTestClass()),
                    key -> StoredResource.of(start(found, owner)),
                    StoredResource.class))
        .get();
  }

  private static OfflineAccount start(Found found, ExtensionContext owner) {
    WithOfflineAccount annotation = found.annotation();
    OfflineAccount.Builder builder = OfflineAccount.builder();
    try {
      // The account serves the region of the class's function, whose clients sign for it.
      builder.region(FunctionSettings.resolve(owner).region());
      if (!annotation.file().isEmpty()) {
        builder.file(Path.of(annotation.file()));
      }
      for (Secret secret : annotation.secrets()) {
        builder.secret(secret.name(), secret.value());
      }
      for (SsmParameter parameter : annotation.parameters()) {
        builder.parameter(
            parameter.name(),
            parameter.secure() ? ParameterType.SECURE_STRING : ParameterType.STRING,
            parameter.value());
      }
      int port = annotation.extensionPort();
      if (port == -1) {
        port =
            owner
                .getConfigurationParameter(WithOfflineAccount.EXTENSION_PORT_KEY)
                .map(Integer::parseInt)
                .orElse(2773);
      }
      builder.extensionPort(port);
      return builder.start();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ExtensionConfigurationException(found.origin() + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
  /** Return a client of {@code type} for the account, one per test, closed by the engine. */
  public static Object client(Found found, ExtensionContext context, Class<?> type) {
    OfflineAccount account = account(found);
    ExtensionContext level = Stores.testLevel(context);
    return ((StoredResource<AutoCloseable>)
            Stores.store(level)
                .getOrComputeIfAbsent(
                    new ClientKey(level.getUniqueId(), type),
                    key -> {
                      Object builder = builder(type);
                      return StoredResource.of(
                          (AutoCloseable)
                              account.client((AwsClientBuilder & AwsSyncClientBuilder) builder));
                    },
                    StoredResource.class))
        .get();
  }

  private static Object builder(Class<?> type) {
    try {
      Method method = type.getMethod("builder");
      return method.invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException(type.getName() + " has no public static builder()", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "Cannot build " + type.getName() + ": " + e.getCause(), e.getCause());
    }
  }

  /** Run the function of {@code builder} with the account. */
  public static LocalLambda.Builder configure(Found found, LocalLambda.Builder builder) {
    return account(found).configure(builder);
  }
}
