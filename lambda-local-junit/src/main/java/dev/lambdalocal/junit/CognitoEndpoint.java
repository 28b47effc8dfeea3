package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inject the endpoint of the {@link WithCognitoMock @WithCognitoMock} mock into a {@link
 * java.net.URI} parameter, to point clients other than the injected one at it.
 *
 * <pre>{@code
 * @Test
 * void test(@CognitoEndpoint URI endpoint) { // http://127.0.0.1:<port>
 *   CognitoIdentityClient client = CognitoIdentityClient.builder().endpointOverride(endpoint)…
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(CognitoEndpointParameterResolver.class)
public @interface CognitoEndpoint {}
