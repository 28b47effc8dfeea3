package dev.lambdalocal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inject the base URI of the {@link WithApiGateway @WithApiGateway} API — the stage's invoke URL,
 * {@code http://127.0.0.1:<port>/<stage>/} — into a {@link java.net.URI} parameter, for clients
 * other than the injected {@code ApiClient}.
 *
 * <pre>{@code
 * @Test
 * void test(@ApiBaseUri URI api) {
 *   HttpRequest request = HttpRequest.newBuilder(api.resolve("whoami")).build(); // unsigned
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ApiBaseUriParameterResolver.class)
public @interface ApiBaseUri {}
