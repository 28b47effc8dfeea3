package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start an offline Amazon Cognito Identity — lambda-local-cognito-mock's {@code CognitoMock}, on a
 * loopback port in this JVM — for the tests of this class, and let it issue their Cognito
 * identities.
 *
 * <p>Needs {@code dev.lambdalocal:lambda-local-cognito-mock} on the test class path (lambda-local-
 * junit works without it as long as this annotation is not used). Test methods, constructors and
 * lifecycle methods may declare parameters of these types:
 *
 * <ul>
 *   <li>{@code dev.lambdalocal.cognito.CognitoMock} — the mock;
 *   <li>{@link java.net.URI} annotated with {@link CognitoEndpoint @CognitoEndpoint} — its
 *       endpoint, {@code http://127.0.0.1:<port>};
 *   <li>{@code software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient} — an AWS SDK
 *       v2 client pointed at it (static dummy credentials, the mock's region), one per class,
 *       closed by the engine;
 *   <li>{@link dev.lambdalocal.core.Identity} or {@link
 *       com.amazonaws.services.lambda.runtime.CognitoIdentity} — the test's identity.
 * </ul>
 *
 * <p>The identity of each test — the one injected as {@code Identity}, carried by the {@code
 * Context} and {@code InvokeOptions} of {@link LambdaTest @LambdaTest} and put in place of {@code
 * %IDENTITY_ID%} and {@code %IDENTITY_POOL_ID%} in {@link Event @Event} files — is then a new
 * unauthenticated identity from a real {@code GetId} against the mock's pool, so {@code
 * GetCredentialsForIdentity} and the other operations know it. With {@link
 * CachedIdentity @CachedIdentity} it is instead the identity kept for an environment from one run
 * to the next.
 *
 * <pre>{@code
 * @WithCognitoMock
 * @LambdaTest(handler = WhoAmIFunc.class)
 * class WhoAmIFuncTests {
 *   @Test
 *   void answersWithTheCaller(LocalLambda lambda, InvokeOptions asCaller, Identity caller,
 *                             CognitoIdentityClient cognito) { … }
 * }
 * }</pre>
 *
 * <p><b>Scope.</b> By default ({@link Scope#CLASS}) each class gets a mock of its own — its own
 * port and state — started before its first test and stopped when the class ends; a {@code @Nested}
 * class shares its enclosing class's mock unless it has its own annotation. With {@link Scope#RUN}
 * the classes that ask for the same settings share one mock, started once and stopped at the end of
 * the run (also when classes run in parallel).
 *
 * <p><b>Settings.</b> Attributes left at their defaults ({@code ""}, {@link Scope#DEFAULT}) take
 * the configuration parameter named by the {@code *_KEY} constants (from {@code
 * junit-platform.properties} or the launcher), then the default. The region defaults to the region
 * of the class's {@code @LambdaTest} function; the identity pool id to one derived from the region
 * and the account id, the same on every run, so that {@code @CachedIdentity} identities survive. A
 * malformed value fails the class with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} that names it.
 *
 * <p>The annotation is {@link Inherited} and may be used as a meta-annotation.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({
  CognitoMockExtension.class,
  CognitoMockParameterResolver.class,
  CognitoEndpointParameterResolver.class,
  CognitoClientParameterResolver.class,
  IdentityParameterResolver.class
})
public @interface WithCognitoMock {

  /**
   * The configuration parameter of the default region, e.g. {@code eu-west-1}.
   *
   * @since 0.1.0
   */
  String REGION_KEY = "lambdalocal.cognito.region";

  /**
   * The configuration parameter of the default account id (12 digits); {@code 123456789012} if
   * unset.
   *
   * @since 0.1.0
   */
  String ACCOUNT_ID_KEY = "lambdalocal.cognito.accountid";

  /**
   * The configuration parameter of the default identity pool id, {@code <region>:<uuid>}.
   *
   * @since 0.1.0
   */
  String IDENTITY_POOL_ID_KEY = "lambdalocal.cognito.identitypoolid";

  /**
   * The configuration parameter of the default scope: {@code class} (the default) or {@code run}.
   *
   * @since 0.1.0
   */
  String SCOPE_KEY = "lambdalocal.cognito.scope";

  /**
   * Return the region of the mock, of its identity pool and of the identities.
   *
   * @return the region; empty for {@link #REGION_KEY}, else the {@code @LambdaTest} function's
   *     region, else {@code us-east-1}
   * @since 0.1.0
   */
  String region() default "";

  /**
   * Return the AWS account of the identity pool (in its role ARNs and issued credentials).
   *
   * @return 12 digits; empty for {@link #ACCOUNT_ID_KEY}, else {@code 123456789012}
   * @since 0.1.0
   */
  String accountId() default "";

  /**
   * Return the id of the identity pool the identities belong to.
   *
   * @return {@code <region>:<uuid>}; empty for {@link #IDENTITY_POOL_ID_KEY}, else an id derived
   *     from the region and the account id, the same on every run
   * @since 0.1.0
   */
  String identityPoolId() default "";

  /**
   * Return whether the pool allows unauthenticated identities. The tests' identities are
   * unauthenticated ones: without them, asking for a test's identity fails with Cognito's {@code
   * NotAuthorizedException} text, while the injected client can still exercise the pool.
   *
   * @return {@code true} by default
   * @since 0.1.0
   */
  boolean allowUnauthenticatedIdentities() default true;

  /**
   * Return the pool's developer provider name, for {@code GetOpenIdTokenForDeveloperIdentity}.
   *
   * @return the name, e.g. {@code login.example.com}; empty for none
   * @since 0.1.0
   */
  String developerProviderName() default "";

  /**
   * Return how long the mock lives and who shares it.
   *
   * @return the scope; {@link Scope#DEFAULT} for {@link #SCOPE_KEY}, else {@link Scope#CLASS}
   * @since 0.1.0
   */
  Scope scope() default Scope.DEFAULT;

  /**
   * How long a {@code @WithCognitoMock} mock lives and who shares it.
   *
   * @since 0.1.0
   */
  enum Scope {
    /** Use {@link #SCOPE_KEY}, else {@link #CLASS}. */
    DEFAULT,
    /** A mock of the class's own, with its own port and state, stopped when the class ends. */
    CLASS,
    /** One mock for all classes of the run with the same settings, stopped when the run ends. */
    RUN
  }
}
