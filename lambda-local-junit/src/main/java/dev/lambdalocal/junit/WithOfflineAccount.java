package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start lambda-local-cognito-mock's offline AWS account ({@code
 * dev.lambdalocal.account.OfflineAccount}: Cognito Identity, Secrets Manager and SSM Parameter
 * Store on one loopback endpoint) for the tests of this class, with the secrets and parameters
 * declared here, and run the class's {@link LambdaTest @LambdaTest} function with it: the function
 * gets {@code AWS_ENDPOINT_URL} and execution-role credentials minted by the account, and the
 * Parameters and Secrets Lambda Extension's local API answers on {@code
 * PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}. Its default-built AWS SDK clients read the offline
 * secrets and never reach AWS.
 *
 * <p>Test methods, constructors and lifecycle methods may declare a parameter of type {@code
 * OfflineAccount}, or of any AWS SDK v2 client interface on the class path (such as {@code
 * SecretsManagerClient} or {@code SsmClient}): a client pointed at the account, closed by the
 * engine.
 *
 * <pre>{@code
 * @WithOfflineAccount(secrets = @Secret(name = "db-password", value = "s3cr3t"))
 * @LambdaTest(handler = ReadsSecretFunc.class)
 * class ReadsSecretFuncTests { … }
 * }</pre>
 *
 * <p>The account belongs to the annotated class (a {@code @Nested} class shares it) and stops when
 * the class ends. Needs {@code dev.lambdalocal:lambda-local-cognito-mock} on the test class path.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OfflineAccountParameterResolver.class)
public @interface WithOfflineAccount {

  /**
   * The configuration parameter of the extension API's port when {@link #extensionPort()} is left
   * at -1; 2773 (the extension's own default) if unset.
   *
   * @since 0.1.0
   */
  String EXTENSION_PORT_KEY = "lambdalocal.account.extensionport";

  /**
   * Return the secrets Secrets Manager starts with.
   *
   * @return the secrets
   */
  Secret[] secrets() default {};

  /**
   * Return the parameters Parameter Store starts with.
   *
   * @return the parameters
   */
  SsmParameter[] parameters() default {};

  /**
   * Return a JSON file of secrets and parameters, relative to the working directory: {@code
   * {"secrets": {"name": "value"}, "parameters": {"/name": "value", "/key": {"type":
   * "SecureString", "value": "…"}}}}.
   *
   * @return the path, or {@code ""} for none
   */
  String file() default "";

  /**
   * Return the port of the extension's local API: 0 for a free one, -1 for {@link
   * #EXTENSION_PORT_KEY} or 2773.
   *
   * @return the port
   */
  int extensionPort() default -1;
}
