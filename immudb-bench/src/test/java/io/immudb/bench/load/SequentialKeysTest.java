package io.immudb.bench.load;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequentialKeysTest {
  @Test
  void keysAreZeroPaddedDecimalsAfterK() {
    assertThat(new String(SequentialKeys.key(0, 5), US_ASCII)).isEqualTo("k0000");
    assertThat(new String(SequentialKeys.key(42, 5), US_ASCII)).isEqualTo("k0042");
    assertThat(new String(SequentialKeys.key(9999, 5), US_ASCII)).isEqualTo("k9999");
  }

  @Test
  void patternGivesTheSameKeys() {
    for (long i : new long[] {0, 7, 123_456, 999_999_999L}) {
      String viaFormat = String.format(SequentialKeys.pattern(32), i);
      assertThat(new String(SequentialKeys.key(i, 32), US_ASCII)).isEqualTo(viaFormat);
    }
  }

  @Test
  void rejectsIndexesThatDoNotFit() {
    assertThatThrownBy(() -> SequentialKeys.key(10_000, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SequentialKeys.checkFits(10_001, 5))
        .isInstanceOf(IllegalArgumentException.class);
    SequentialKeys.checkFits(10_000, 5);
    assertThatThrownBy(() -> SequentialKeys.key(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SequentialKeys.key(-1, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
