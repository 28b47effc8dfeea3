/**
 * The {@link dev.lambdalocal.junit.LambdaTest @LambdaTest} JUnit Jupiter extension: runs a Lambda
 * handler in-process with lambda-local-core and injects the function, its context, events and event
 * sets for parameterized tests and a Cognito identity; {@link
 * dev.lambdalocal.junit.WithCognitoMock @WithCognitoMock} backs the identities with an offline
 * Cognito (lambda-local-cognito-mock, an optional dependency) and injects it.
 *
 * @since 0.1.0
 */
package dev.lambdalocal.junit;
