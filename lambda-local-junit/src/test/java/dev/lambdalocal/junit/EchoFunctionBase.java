package dev.lambdalocal.junit;

/** A base class whose {@code @LambdaTest} (through {@link EchoFunction}) its subclasses inherit. */
@EchoFunction
abstract class EchoFunctionBase {}
