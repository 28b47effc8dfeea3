package dev.lambdalocal.core.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fault's reports: the error document and the logged text. */
class HandlerFaultTests {

  @Test
  void messageOnlyFault() {
    HandlerFault fault = HandlerFault.of("Invalid handler: `x::'");

    assertThat(fault.reportableError()).isEqualTo("Invalid handler: `x::'\n");
    assertThat(fault.toLambdaError().toJson())
        .isEqualTo("{\"errorMessage\":\"Invalid handler: `x::'\"}");
    assertThat(fault.getMessage()).isEqualTo("Invalid handler: `x::'");
    assertThat(fault.getStackTrace()).isEmpty();
  }

  @Test
  void faultWithTypeAndTrace() {
    HandlerFault fault =
        new HandlerFault("boom", "java.lang.Error", "java.lang.Error: boom\n", true);

    assertThat(fault.reportableError())
        .isEqualTo("boom: java.lang.Error\njava.lang.Error: boom\n\n");
    assertThat(fault.toLambdaError().errorMessage()).isEqualTo("boom");
    assertThat(fault.toLambdaError().errorType()).isEqualTo("java.lang.Error");
    assertThat(fault.toLambdaError().stackTrace()).isNull();
  }

  @Test
  void faultWithTypeOnlyOrTraceOnly() {
    assertThat(new HandlerFault("m", "T", null, false).reportableError()).isEqualTo("m: T\n\n");
    assertThat(new HandlerFault("m", null, "trace", false).reportableError())
        .isEqualTo("m: \ntrace\n");
  }

  @Test
  void faultFromAThrowableWithoutMessageIsNamedByItsClass() {
    HandlerFault fault = HandlerFault.of(new IllegalStateException(), false);

    assertThat(fault.faultMessage()).isEqualTo("java.lang.IllegalStateException");
    assertThat(fault.exceptionType()).isEqualTo("java.lang.IllegalStateException");
    // Created here, in our package: every frame is the runtime's and is cut.
    assertThat(fault.trace()).isEqualTo("java.lang.IllegalStateException" + System.lineSeparator());
  }
}
