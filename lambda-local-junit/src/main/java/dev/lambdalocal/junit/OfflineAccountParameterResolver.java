package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.Describe;
import dev.lambdalocal.junit.internal.account.AccountAnnotation;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the class's account before its tests, so that a wrong setting fails the class once with
 * one message. Injects the {@link WithOfflineAccount @WithOfflineAccount} account as {@code
 * OfflineAccount}, and AWS SDK v2 clients pointed at it. Types are compared by name, so that this
 * class loads none of lambda-local-cognito-mock.
 */
final class OfflineAccountParameterResolver implements BeforeAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    AccountAnnotation.account(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.isAnnotated(Event.class)) {
      return false;
    }
    Class<?> type = parameter.getParameter().getType();
    return AccountAnnotation.isAccount(type)
        || (AccountAnnotation.isSdkClient(type)
            && !(type.getName().equals(CognitoClientParameterResolver.CLIENT)
                && AccountAnnotation.hasCognitoMock(context)));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    try {
      return AccountAnnotation.isAccount(type)
          ? AccountAnnotation.account(context)
          : AccountAnnotation.client(context, type);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(
          Describe.parameter(parameter) + ": " + e.getMessage(), e);
    }
  }
}
