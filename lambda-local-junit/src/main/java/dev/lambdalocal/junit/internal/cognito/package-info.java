/**
 * The part of {@code @WithCognitoMock}, {@code @WithApiGateway}, {@code @WithLambdaService} and
 * {@code @WithOfflineAccount} that uses lambda-local-cognito-mock and the AWS SDK: the only classes
 * of lambda-local-junit that refer to them, loaded only once {@code CognitoDependency} has found
 * them. Not API, free to change.
 *
 * @since 0.1.0
 */
package dev.lambdalocal.junit.internal.cognito;
