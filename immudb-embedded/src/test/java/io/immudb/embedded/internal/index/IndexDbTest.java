package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity of the block cache that every index in the process shares, and the point get of a
 * {@code latest} row.
 */
class IndexDbTest {
  @TempDir Path dir;

  @Test
  void aLatestRowOfTheWrongLengthIsDataLossNotARef() throws Exception {
    byte[] key = KeyIndexTest.k("a");
    EntryRef ref = KeyIndexTest.ref(7, 3);
    try (IndexDb db = IndexDb.open(dir)) {
      db.db.put(db.latest, key, EntryRefCodec.encode(ref));
      assertThat(db.latest(key)).isEqualTo(ref);
      assertThat(db.latest(KeyIndexTest.k("b"))).isNull();
      for (int len : new int[] {0, EntryRefCodec.LENGTH - 1, EntryRefCodec.LENGTH + 1, 200}) {
        db.db.put(db.latest, key, new byte[len]);
        assertThatThrownBy(() -> db.latest(key))
            .isInstanceOf(ImmuException.class)
            .hasMessageContaining("entry ref of " + len + " bytes, expected 56")
            .extracting(e -> ((ImmuException) e).code())
            .isEqualTo(ErrorCode.DATA_LOSS);
      }
    }
  }

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
