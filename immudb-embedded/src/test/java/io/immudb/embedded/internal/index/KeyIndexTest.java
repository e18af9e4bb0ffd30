package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle, persistence, isolation and validation of {@link KeyIndex}; queries are in {@link
 * IndexQueryTest}.
 */
class KeyIndexTest {
  @TempDir Path dir;
  private KeyIndex index;

  @BeforeEach
  void open() throws Exception {
    index = KeyIndex.open(dir);
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void emptyIndex() {
    assertThat(index.indexedTx()).isZero();
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.txId()).isZero();
      assertThat(s.get(k("a"))).isEmpty();
      assertThat(s.getAt(k("a"), 5)).isEmpty();
      assertThat(s.versionCount(k("a"))).isZero();
      assertThat(s.history(k("a"), 0, 10, false)).isEmpty();
      assertThat(s.scan(ScanSpec.builder().build())).isEmpty();
      assertThat(s.scan(ScanSpec.builder().desc(true).build())).isEmpty();
      assertThat(s.count(new byte[0], 0)).isZero();
    }
    index.apply(List.of());
    assertThat(index.indexedTx()).isZero();
  }

  @Test
  void applyAdvancesIndexedTxAndIsVisibleToNewSnapshots() {
    index.apply(List.of(tx(1, "a", "b"), tx(2, "a")));
    assertThat(index.indexedTx()).isEqualTo(2);
    index.apply(List.of(tx(3, "c")));
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.txId()).isEqualTo(3);
      assertThat(s.get(k("a"))).contains(ref(2, 0));
      assertThat(s.get(k("b"))).contains(ref(1, 1));
      assertThat(s.get(k("c"))).contains(ref(3, 0));
    }
  }

  @Test
  void latestReadsTheNewestVersionWithoutASnapshot() {
    assertThat(index.latest(k("a"))).isNull();
    index.apply(List.of(tx(1, "a", "b"), tx(2, "a")));
    assertThat(index.latest(k("a"))).isEqualTo(ref(2, 0));
    assertThat(index.latest(k("b"))).isEqualTo(ref(1, 1));
    assertThat(index.latest(k("c"))).isNull();
    index.apply(List.of(tx(3, "b")));
    assertThat(index.latest(k("b"))).isEqualTo(ref(3, 0));
    index.reset();
    assertThat(index.latest(k("a"))).isNull();
    index.close();
    assertThatThrownBy(() -> index.latest(k("a"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void latestReadsKeysLongerThanTheThreadsBufferAndKeysThatPrefixThem() {
    String longKey = "x".repeat(300);
    String longer = "y".repeat(5000);
    index.apply(List.of(tx(1, "x", longKey), tx(2, longer)));
    // short, long, longer, then short again on one thread: the buffer grows and is reused
    assertThat(index.latest(k("x"))).isEqualTo(ref(1, 0));
    assertThat(index.latest(k(longKey))).isEqualTo(ref(1, 1));
    assertThat(index.latest(k(longer))).isEqualTo(ref(2, 0));
    assertThat(index.latest(k("x"))).isEqualTo(ref(1, 0));
    assertThat(index.latest(k(longKey + "x"))).isNull();
    assertThat(index.latest(k(longKey.substring(1)))).isNull();
  }

  @Test
  void aSnapshotDoesNotSeeLaterApplies() {
    index.apply(List.of(tx(1, "a")));
    try (IndexSnapshot before = index.snapshot()) {
      index.apply(List.of(tx(2, "a", "b")));
      index.reset();
      assertThat(before.txId()).isEqualTo(1);
      assertThat(before.get(k("a"))).contains(ref(1, 0));
      assertThat(before.get(k("b"))).isEmpty();
      assertThat(before.versionCount(k("a"))).isEqualTo(1);
      assertThat(before.scan(ScanSpec.builder().build()))
          .containsExactly(new KeyVersion(k("a"), ref(1, 0)));
      assertThat(before.count(new byte[0], 0)).isEqualTo(1);
    }
  }

  @Test
  void snapshotsTakenBetweenAppliesShareTheirView() {
    index.apply(List.of(tx(1, "a")));
    IndexSnapshot s1 = index.snapshot();
    IndexSnapshot s2 = index.snapshot();
    s1.close();
    assertThat(s2.get(k("a"))).contains(ref(1, 0)); // s1 closing must not release s2's view
    index.apply(List.of(tx(2, "a")));
    assertThat(s2.get(k("a"))).contains(ref(1, 0));
    s2.close();
    s2.close(); // idempotent
    assertThatThrownBy(() -> s2.get(k("a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void reopenKeepsIndexedTxAndEntries() throws Exception {
    index.apply(List.of(tx(1, "a", "b"), tx(2, "a")));
    index.close();
    index = KeyIndex.open(dir);
    assertThat(index.indexedTx()).isEqualTo(2);
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.txId()).isEqualTo(2);
      assertThat(s.get(k("a"))).contains(ref(2, 0));
      assertThat(s.history(k("a"), 0, 10, false)).containsExactly(ref(1, 0), ref(2, 0));
    }
    index.apply(List.of(tx(3, "b")));
    assertThat(index.indexedTx()).isEqualTo(3);
  }

  @Test
  void resetWipesEverything() {
    List<TxIndexBatch> txs = new ArrayList<>();
    for (int t = 1; t <= 50; t++) {
      txs.add(tx(t, "k" + t, "shared", "\u00ff" + t)); // also keys from FF on
    }
    index.apply(txs);
    index.reset();
    assertThat(index.indexedTx()).isZero();
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.txId()).isZero();
      assertThat(s.scan(ScanSpec.builder().build())).isEmpty();
      assertThat(s.count(new byte[0], 0)).isZero();
      assertThat(s.versionCount(k("shared"))).isZero();
      assertThat(s.get(k("\u00ff1"))).isEmpty();
    }
    index.apply(List.of(tx(1, "z")));
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.scan(ScanSpec.builder().build()))
          .containsExactly(new KeyVersion(k("z"), ref(1, 0)));
      assertThat(s.history(k("shared"), 0, 100, false)).isEmpty();
    }
  }

  @Test
  void applyRejectsGapsAndAppliesNothingThen() {
    index.apply(List.of(tx(1, "a")));
    assertThatThrownBy(() -> index.apply(List.of(tx(3, "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected tx 2")
        .hasMessageContaining("tx 3");
    assertThatThrownBy(() -> index.apply(List.of(tx(2, "b"), tx(4, "c"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected tx 3");
    assertThatThrownBy(() -> index.apply(List.of(tx(1, "b"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(index.indexedTx()).isEqualTo(1);
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.get(k("b"))).isEmpty();
    }
  }

  @Test
  void aKeyWrittenByManyTxsInOneApplyKeepsEveryVersion() {
    index.apply(List.of(tx(1, "a", "b"), tx(2, "b", "a"), tx(3, "a")));
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.get(k("a"))).contains(ref(3, 0));
      assertThat(s.get(k("b"))).contains(ref(2, 0));
      assertThat(s.history(k("a"), 0, 10, false)).containsExactly(ref(1, 0), ref(2, 1), ref(3, 0));
    }
  }

  @Test
  void rejectsBadArguments() {
    index.apply(List.of(tx(1, "a")));
    assertThatThrownBy(() -> index.apply(null)).isInstanceOf(IllegalArgumentException.class);
    List<TxIndexBatch> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> index.apply(withNull)).isInstanceOf(IllegalArgumentException.class);
    try (IndexSnapshot s = index.snapshot()) {
      assertThatThrownBy(() -> s.get(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("storedKey");
      assertThatThrownBy(() -> s.getAt(k("a"), -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
      assertThatThrownBy(() -> s.history(k("a"), 0, 0, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("limit");
      assertThatThrownBy(() -> s.history(k("a"), -2, 1, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-2");
      assertThatThrownBy(() -> s.scan(ScanSpec.builder().atTx(2).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("atTx")
          .hasMessageContaining("2");
      assertThatThrownBy(() -> s.scan(null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.count(null, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.count(new byte[0], 7))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("7");
    }
    assertThatThrownBy(() -> new TxIndexBatch(2, List.of(k("a")), List.of(ref(1, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tx 1");
    assertThatThrownBy(() -> new TxIndexBatch(1, List.of(k("a")), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EntryRef(0, 0, 0, 0, Sha256Digest.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("txId");
  }

  @Test
  void closeClosesOpenSnapshotsAndIsIdempotent() {
    index.apply(List.of(tx(1, "a")));
    IndexSnapshot s = index.snapshot();
    index.close();
    index.close();
    assertThatThrownBy(() -> s.get(k("a"))).isInstanceOf(IllegalStateException.class);
    s.close();
    assertThatThrownBy(() -> index.snapshot()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.apply(List.of(tx(2, "b"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.reset()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void compactAndSize() {
    List<TxIndexBatch> txs = new ArrayList<>();
    for (int t = 1; t <= 200; t++) {
      txs.add(tx(t, "key" + (t % 17), "other" + t));
    }
    index.apply(txs);
    assertThat(index.approximateSizeBytes()).isPositive();
    index.compact();
    assertThat(index.approximateSizeBytes()).isPositive();
    try (IndexSnapshot s = index.snapshot()) {
      assertThat(s.count(new byte[0], 0)).isEqualTo(217);
      assertThat(s.versionCount(k("key3"))).isEqualTo(12);
    }
  }

  @Test
  void concurrentReadersSeeWholeTransactions() throws Exception {
    int txs = 300;
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread[] readers = new Thread[2];
    for (int r = 0; r < readers.length; r++) {
      readers[r] =
          new Thread(
              () -> {
                long seen = 0;
                while (seen < txs && errors.isEmpty()) {
                  try (IndexSnapshot s = index.snapshot()) {
                    long t = s.txId();
                    // every tx t writes "x" and "t<t>": the snapshot must hold exactly txs 1..t
                    assertThat(s.get(k("x")))
                        .map(EntryRef::txId)
                        .isEqualTo(t == 0 ? java.util.Optional.empty() : java.util.Optional.of(t));
                    assertThat(s.count(k("t"), 0)).isEqualTo(t);
                    assertThat(s.versionCount(k("x"))).isEqualTo(t);
                    seen = t;
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                }
              });
      readers[r].start();
    }
    for (int t = 1; t <= txs; t++) {
      index.apply(List.of(tx(t, "x", "t" + t)));
    }
    for (Thread r : readers) {
      r.join();
    }
    assertThat(errors).isEmpty();
  }

  static byte[] k(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[b.length + 1]; // namespace 0x00, like a plain key
    System.arraycopy(b, 0, out, 1, b.length);
    return out;
  }

  /** Tx {@code t} writing {@code keys} in order; entry i gets {@link #ref}(t, i). */
  static TxIndexBatch tx(long t, String... keys) {
    List<byte[]> ks = new ArrayList<>();
    List<EntryRef> refs = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      ks.add(k(keys[i]));
      refs.add(ref(t, i));
    }
    return new TxIndexBatch(t, ks, refs);
  }

  static EntryRef ref(long t, int i) {
    byte[] h = ByteBuffer.allocate(32).putLong(t).putInt(i).array();
    return new EntryRef(t, i, t * 1000 + i, i + 1, Sha256Digest.of(h));
  }
}
