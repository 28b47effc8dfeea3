package dev.lambdalocal.aws.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriEncodingTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a%20b | a b",
        "a+b | a b",
        "a%2Bb | a+b",
        "caf%C3%A9 | café",
        "100% | 100%",
        "%zz%4 | %zz%4",
        "%41%42 | AB",
        "€ | €"
      })
  void decodesQueryComponentsLeniently(String raw, String decoded) {
    assertThat(UriEncoding.decodeQueryComponent(raw)).isEqualTo(decoded);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/ | /",
        "/dev/pets | /dev/pets",
        "/dev/a%20b | /dev/a%2520b",
        "/dev/a b | /dev/a%20b",
        "/dev/-_.~ | /dev/-_.~",
        "/dev/a/./b/../c | /dev/a/c",
        "/dev/a/. | /dev/a",
        "/dev/a/ | /dev/a/",
        "/dev/a%2F | /dev/a%252F"
      })
  void encodesThePathOnceMoreAfterRemovingDotSegments(String rawPath, String canonical) {
    assertThat(UriEncoding.canonicalUri(rawPath)).isEqualTo(canonical);
  }
}
