/**
 * The {@link dev.lambdalocal.junit.LambdaTest @LambdaTest} JUnit Jupiter extension: runs a Lambda
 * handler in-process with lambda-local-core and injects the function, its context, events, event
 * sets for parameterized tests and a Cognito identity.
 *
 * @since 0.1.0
 */
package dev.lambdalocal.junit;
