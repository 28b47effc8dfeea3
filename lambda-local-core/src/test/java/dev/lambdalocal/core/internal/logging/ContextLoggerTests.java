package dev.lambdalocal.core.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContextLoggerTests {

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final LambdaLogger logger = new ContextLogger(written::write);

  @Test
  void messagesAreWrittenAsGivenWithoutANewline() {
    logger.log("first");
    logger.log("second\n");

    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("firstsecond\n");
  }

  @Test
  void stringsAreEncodedAsUtf8() {
    logger.log("é😀");

    assertThat(written.toByteArray()).containsExactly(0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80);
  }

  @Test
  void bytesAreWrittenUntouched() {
    byte[] bytes = {(byte) 0xFF, 0, 'a', '\n'};

    logger.log(bytes);

    assertThat(written.toByteArray()).containsExactly(bytes);
  }

  @Test
  void nullIsWrittenAsTheWordNull() {
    logger.log((String) null);
    logger.log((byte[]) null);

    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("nullnull");
  }

  @Test
  void textWithALevelIsPrefixedAsTheRuntimesTextFormatDoesButBytesAreNot() {
    logger.log("error\n", LogLevel.ERROR);
    logger.log("plain\n", LogLevel.UNDEFINED);
    logger.log("debug\n".getBytes(StandardCharsets.UTF_8), LogLevel.DEBUG);

    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("[ERROR] error\nplain\ndebug\n");
  }
}
