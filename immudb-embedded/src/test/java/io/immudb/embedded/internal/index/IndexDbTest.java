package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The capacity of the block cache that every index in the process shares. */
class IndexDbTest {
  @Test
  void blockCacheCapacityDefaultsTo256MiBAndTakesAByteCount() {
    assertThat(IndexDb.blockCacheBytes(null)).isEqualTo(256L << 20);
    assertThat(IndexDb.blockCacheBytes(" ")).isEqualTo(256L << 20);
    assertThat(IndexDb.blockCacheBytes("1073741824")).isEqualTo(1L << 30);
    assertThat(IndexDb.blockCacheBytes("0")).isZero();
  }

  @Test
  void aBlockCacheCapacityThatIsNotAByteCountIsRefusedByName() {
    for (String bad : new String[] {"-1", "256m", "lots"}) {
      assertThatThrownBy(() -> IndexDb.blockCacheBytes(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "immudb.indexBlockCacheBytes must be a number of bytes >= 0, got \"" + bad + "\"");
    }
  }
}
