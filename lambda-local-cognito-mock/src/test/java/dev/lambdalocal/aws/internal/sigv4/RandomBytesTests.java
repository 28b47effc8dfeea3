package dev.lambdalocal.aws.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomBytesTests {

  @Test
  void eachFillDrawsNewBytes() {
    Set<String> drawn = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      byte[] bytes = new byte[32];
      RandomBytes.fill(bytes);
      drawn.add(Arrays.toString(bytes));
    }
    // 100 draws of 256 bits: a repeat would mean the bytes are not random at all.
    assertThat(drawn).hasSize(100);
  }

  @Test
  void mintedKeyIdsUseAwsCharactersOnly() {
    KeyRing keys = new KeyRing("123456789012", java.time.Clock.systemUTC());
    for (int i = 0; i < 50; i++) {
      assertThat(keys.mint("r", "s", java.time.Duration.ofHours(1)).accessKeyId())
          .matches("ASIA[A-Z2-7]{16}");
    }
  }
}
