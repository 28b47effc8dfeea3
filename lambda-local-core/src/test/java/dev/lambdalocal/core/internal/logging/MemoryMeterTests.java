package dev.lambdalocal.core.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryMeterTests {

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "1048575, 1", "1048576, 1", "1048577, 2", "67108864, 64"})
  void bytesAreRoundedUpToWholeMegabytes(long bytes, long megabytes) {
    assertThat(MemoryMeter.megabytes(bytes)).isEqualTo(megabytes);
  }

  @Test
  void thePeakResidentSetIsReadInKibibytes(@TempDir Path dir) throws IOException {
    // The layout of /proc/<pid>/status (proc(5)): name, colon, tab, right-aligned value, unit.
    Path status = dir.resolve("status");
    Files.writeString(
        status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n");
    assertThat(MemoryMeter.peakResidentBytes(status)).isEqualTo(204_800L * 1024);
    assertThat(MemoryMeter.megabytes(MemoryMeter.peakResidentBytes(status))).isEqualTo(200);
  }

  @Test
  void withoutTheFileOrTheLineThereIsNoPeak(@TempDir Path dir) throws IOException {
    assertThat(MemoryMeter.peakResidentBytes(dir.resolve("missing"))).isZero();
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmRSS:\t  102400 kB\n");
    assertThat(MemoryMeter.peakResidentBytes(status)).isZero();
  }

  @Test
  void aRunningJvmUsesSomeMemory() {
    assertThat(MemoryMeter.usedMegabytes()).isPositive();
  }
}
