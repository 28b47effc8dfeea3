/**
 * The part of {@code @WithLambdaService}: {@link
 * dev.lambdalocal.junit.internal.lambda.LambdaServiceSupport} is the only class that refers to
 * lambda-local-cognito-mock and the AWS SDK, loaded once its settings have checked they are there.
 * Not API, free to change.
 *
 * @since 0.1.0
 */
package dev.lambdalocal.junit.internal.lambda;
