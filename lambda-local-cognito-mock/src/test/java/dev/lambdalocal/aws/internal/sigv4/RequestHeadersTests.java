package dev.lambdalocal.aws.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTests {

  private final RequestHeaders headers =
      RequestHeaders.builder()
          .add("Host", "example.com")
          .add("X-Custom", "one")
          .add("x-custom", "two")
          .add("Empty", "")
          .build();

  @Test
  void namesCompareCaseInsensitivelyAndValuesKeepTheirOrder() {
    assertThat(headers.all("X-CUSTOM")).containsExactly("one", "two");
    assertThat(headers.first("x-Custom")).contains("one");
    assertThat(headers.first("host")).contains("example.com");
  }

  @Test
  void absentAndEmptyHeadersAreToldApart() {
    assertThat(headers.contains("Empty")).isTrue();
    assertThat(headers.first("Empty")).contains("");
    assertThat(headers.contains("Missing")).isFalse();
    assertThat(headers.first("Missing")).isEmpty();
    assertThat(headers.all("Missing")).isEmpty();
  }

  @Test
  void namesKeepTheSpellingAndOrderTheyFirstArrivedIn() {
    assertThat(headers.names()).containsExactly("Host", "X-Custom", "Empty");
    assertThat(headers.asMap())
        .containsExactly(
            Map.entry("Host", List.of("example.com")),
            Map.entry("X-Custom", List.of("one", "two")),
            Map.entry("Empty", List.of("")));
  }

  @Test
  void aMapOfHeadersIsCopied() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    map.put("A", List.of("1"));
    map.put("a", List.of("2"));

    RequestHeaders copied = RequestHeaders.of(map);
    map.clear();

    assertThat(copied.all("A")).containsExactly("1", "2");
    assertThat(copied).isEqualTo(RequestHeaders.builder().add("A", "1").add("A", "2").build());
  }

  @Test
  void theHeadersCannotBeChanged() {
    assertThatThrownBy(() -> headers.all("X-Custom").add("three"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.asMap().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
