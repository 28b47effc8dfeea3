package dev.lambdalocal.core.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryMeterTests {

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "1048575, 1", "1048576, 1", "1048577, 2", "67108864, 64"})
  void bytesAreRoundedUpToWholeMegabytes(long bytes, long megabytes) {
    assertThat(MemoryMeter.megabytes(bytes)).isEqualTo(megabytes);
  }

  @Test
  void aRunningJvmUsesSomeMemory() {
    assertThat(MemoryMeter.usedMegabytes()).isPositive();
  }
}
