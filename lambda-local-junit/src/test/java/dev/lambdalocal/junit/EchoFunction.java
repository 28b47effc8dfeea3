package dev.lambdalocal.junit;

import dev.lambdalocal.junit.handlers.ContextEcho;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// tag::composed[]
/** The ContextEcho function as this project deploys it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LambdaTest(handler = ContextEcho.class, method = "describe", memorySize = 384, env = "STAGE=dev")
@interface EchoFunction {}
// end::composed[]
