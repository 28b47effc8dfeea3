package dev.lambdalocal.core.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformLinesTests {

  private static final String ID = "1e5c8abd-3d36-461b-8c0f-a56b952715b3";

  @Test
  void startAndEndLines() {
    assertThat(PlatformLines.start(ID, "$LATEST"))
        .isEqualTo("START RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3 Version: $LATEST");
    assertThat(PlatformLines.end(ID))
        .isEqualTo("END RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3");
  }

  @Test
  void aWarmReportEndsWithATab() {
    assertThat(PlatformLines.report(ID, 12.34, 13, 128, 64, null, false))
        .isEqualTo(
            "REPORT RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3\tDuration: 12.34 ms"
                + "\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t");
  }

  @Test
  void aColdReportAddsTheInitDuration() {
    assertThat(PlatformLines.report(ID, 4.42, 338, 512, 90, 333.05, false))
        .isEqualTo(
            "REPORT RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3\tDuration: 4.42 ms"
                + "\tBilled Duration: 338 ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB"
                + "\tInit Duration: 333.05 ms\t");
  }

  // Both lines as Lambda logged them for a python3.13 function on 2 September 2025.
  @Test
  void aTimedOutReportEndsWithItsStatus() {
    assertThat(PlatformLines.report(ID, 3000, 3068, 128, 35, 67.49, true))
        .isEqualTo(
            "REPORT RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3\tDuration: 3000.00 ms"
                + "\tBilled Duration: 3068 ms\tMemory Size: 128 MB\tMax Memory Used: 35 MB"
                + "\tInit Duration: 67.49 ms\tStatus: timeout");
    assertThat(
            PlatformLines.report(
                "6960f94b-add0-473c-ab1a-f854a3f92817", 3000, 3000, 128, 35, null, true))
        .isEqualTo(
            "REPORT RequestId: 6960f94b-add0-473c-ab1a-f854a3f92817\tDuration: 3000.00 ms"
                + "\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 35 MB"
                + "\tStatus: timeout");
  }

  @Test
  @ResourceLock(Resources.LOCALE)
  void durationsUseADecimalPointWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(PlatformLines.report(ID, 1234.5, 1235, 128, 1, 0.1, false))
          .contains("\tDuration: 1234.50 ms\t", "\tInit Duration: 0.10 ms\t");
      assertThat(PlatformLines.timeoutErrorMessage(ID, 3)).endsWith(" after 3.00 seconds");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "12.00, , 12",
    "12.01, , 13",
    "0.01, , 1",
    "12.999, , 13",
    "4.42, 333.05, 338",
    "3000.00, 67.49, 3068",
    "1049.63, 1293.83, 2344",
    "1058.15, 1307.68, 2366",
    "0.5, 0.5, 1"
  })
  void billedDurationIsTheWholeMillisecondAtOrAboveInvocationPlusInit(
      double durationMs, Double initMs, long billed) {
    assertThat(PlatformLines.billedMs(durationMs, initMs)).isEqualTo(billed);
  }

  @Test
  void aNegativeDurationIsRefused() {
    assertThatThrownBy(() -> PlatformLines.billedMs(-1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("durationMs must be a finite, non-negative number: -1.0");
    assertThatThrownBy(() -> PlatformLines.billedMs(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initDurationMs must be a finite, non-negative number: NaN");
  }

  @Test
  void theTimeoutLineAsLambdaLogsIt() {
    assertThat(
            PlatformLines.timeoutLine(
                Instant.parse("2020-11-10T05:46:57.874Z"),
                "160788cd-45ff-4583-809f-c7e31127cb95",
                3.07))
        .isEqualTo(
            "2020-11-10T05:46:57.874Z 160788cd-45ff-4583-809f-c7e31127cb95"
                + " Task timed out after 3.07 seconds");
    assertThat(PlatformLines.timeoutLine(Instant.parse("2025-01-02T03:04:05Z"), ID, 900))
        .isEqualTo(
            "2025-01-02T03:04:05.000Z 1e5c8abd-3d36-461b-8c0f-a56b952715b3"
                + " Task timed out after 900.00 seconds");
  }

  @Test
  void theTimeoutErrorMessage() {
    assertThat(PlatformLines.timeoutErrorMessage(ID, 3))
        .isEqualTo(
            "RequestId: 1e5c8abd-3d36-461b-8c0f-a56b952715b3 Error: Task timed out after 3.00"
                + " seconds");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.00",
    "0.005, 0.01",
    "1.005, 1.01",
    "2.675, 2.68",
    "0.0049999, 0.00",
    "899.995, 900.00"
  })
  void durationsRoundHalfUpOnTheirShortestDecimalForm(double value, String expected) {
    assertThat(PlatformLines.twoDecimals(value)).isEqualTo(expected);
  }

  @Test
  void durationsAreFormattedAsFormatterFormatsThem() {
    Random random = new Random(20261126);
    for (int i = 0; i < 100_000; i++) {
      double value =
          switch (i % 3) {
            case 0 -> random.nextDouble() * 900_000;
            case 1 -> random.nextInt(90_000_000) / 1e6;
            default -> random.nextInt(1_000_000) / 100.0 + 0.005;
          };
      assertThat(PlatformLines.twoDecimals(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.2f", value));
    }
  }
}
