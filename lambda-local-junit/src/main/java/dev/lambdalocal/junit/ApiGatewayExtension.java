package dev.lambdalocal.junit;

import dev.lambdalocal.junit.internal.ApiGatewaySettings;
import dev.lambdalocal.junit.internal.cognito.ApiSupport;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks the {@link WithApiGateway} settings and starts the class's API before its first test, so
 * that a mistake fails the class once, with one message.
 *
 * <p>Refers to no type of lambda-local-cognito-mock: {@link ApiSupport} is loaded only after {@link
 * ApiGatewaySettings#find} has found the dependency.
 */
final class ApiGatewayExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    ApiGatewaySettings.find(context).ifPresent(ApiSupport::api);
  }
}
