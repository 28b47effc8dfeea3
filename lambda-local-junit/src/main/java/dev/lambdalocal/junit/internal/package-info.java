/**
 * The implementation of the {@code @LambdaTest} extension: not API, free to change.
 *
 * @since 0.1.0
 */
package dev.lambdalocal.junit.internal;
