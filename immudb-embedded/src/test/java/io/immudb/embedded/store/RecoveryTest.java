package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.ahtree.FileAhTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn tails are cut on open; damaged committed data is refused, never silently dropped. Txs 1 and
 * 5 have their value in the value log, txs 2 to 4 inline in the tx record (no value record).
 */
class RecoveryTest {
  @TempDir Path dir;
  private Sha256Digest alh5;

  private static byte[] value(int i) {
    byte[] v = new byte[i == 1 || i == 5 ? 5000 : 3];
    java.util.Arrays.fill(v, (byte) i);
    return v;
  }

  @BeforeEach
  void fiveTxs() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      for (int i = 1; i <= 5; i++) {
        s.commit(List.of(KeyValue.ofOwned(("k" + i).getBytes(StandardCharsets.UTF_8), value(i))));
      }
      alh5 = s.alh(5);
      assertThat(s.txRecord(4).valuesLen()).as("tx 4 has no value record").isZero();
      assertThat(s.txRecord(5).valuesLen()).as("tx 5 has one").isPositive();
    }
  }

  /** Commits tx 6 with values inline only; returns the tx log's size before it. */
  private long commitInlineTx6() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      long before = size("tx/00000000.seg");
      List<KeyValue> kvs = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        kvs.add(KeyValue.ofOwned(new byte[] {'i', (byte) i}, new byte[1000]));
      }
      s.commit(kvs);
      assertThat(s.txRecord(6).valuesLen()).isZero();
      return before;
    }
  }

  private long size(String f) throws IOException {
    try (FileChannel ch = FileChannel.open(dir.resolve(f), StandardOpenOption.READ)) {
      return ch.size();
    }
  }

  private void append(String f, byte[] junk) throws IOException {
    try (FileChannel ch =
        FileChannel.open(dir.resolve(f), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap(junk));
    }
  }

  private void truncate(String f, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(dir.resolve(f), StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  private void flip(String f, long off) throws IOException {
    try (FileChannel ch =
        FileChannel.open(dir.resolve(f), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, off);
      b.put(0, (byte) (b.get(0) ^ 0x10));
      ch.write(b.flip(), off);
    }
  }

  @Test
  void uncommittedTailsOfEveryLogAreCut() throws IOException {
    append("val/00000000.seg", new byte[100]);
    append("tx/00000000.seg", new byte[] {0, 0, 1, 0, 9, 9});
    append("commit/00000000.seg", new byte[30]);
    append("aht/00000000.seg", new byte[50]);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(5);
      assertThat(s.alh(5)).isEqualTo(alh5);
      assertThat(s.verify().ok()).isTrue();
      assertThat(s.commit(List.of(KeyValue.ofOwned(new byte[] {9}, new byte[0]))).id())
          .isEqualTo(6);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void aLaggingHashTreeIsRebuiltFromTheCommitLog() throws IOException {
    truncate("aht/00000000.seg", 2 * FileAhTree.RECORD_LENGTH);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.aht().size()).isEqualTo(5);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void aTornCommitRecordIsCutAndRederivedFromTheTxLog() throws IOException {
    long n = size("commit/00000000.seg");
    truncate("commit/00000000.seg", n - 10);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      // Tx 5's tx and value records are complete, so its commit record is derived again.
      assertThat(s.lastTxId()).isEqualTo(5);
      assertThat(s.alh(5)).isEqualTo(alh5);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void lostCommitRecordsAreRolledForwardFromCompleteTxRecords() throws IOException {
    // Txs 3 and 4 have no value record; tx 5's follows tx 1's.
    truncate("commit/00000000.seg", 2 * 56);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(5);
      assertThat(s.alh(5)).isEqualTo(alh5);
      assertThat(s.verify().ok()).isTrue();
      for (int i = 1; i <= 5; i++) {
        assertThat(s.readValue(s.txRecord(i), 0)).isEqualTo(value(i));
      }
      assertThat(s.commit(List.of(KeyValue.ofOwned(new byte[] {9}, new byte[0]))).id())
          .isEqualTo(6);
    }
  }

  @Test
  void aTornTxRecordWithInlineValuesIsCut() throws IOException {
    long tx5End = commitInlineTx6();
    long tx6End = size("tx/00000000.seg");
    long val = size("val/00000000.seg");
    // The commit record was lost and the tx record torn inside its inline values.
    truncate("commit/00000000.seg", 5 * 56);
    truncate("tx/00000000.seg", tx6End - 1500);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(5);
      assertThat(s.alh(5)).isEqualTo(alh5);
      assertThat(size("tx/00000000.seg")).isEqualTo(tx5End);
      assertThat(size("val/00000000.seg")).isEqualTo(val);
      assertThat(s.verify().ok()).isTrue();
      assertThat(s.commit(List.of(KeyValue.ofOwned(new byte[] {9}, new byte[] {7}))).id())
          .isEqualTo(6);
      assertThat(s.readValue(s.txRecord(6), 0)).isEqualTo(new byte[] {7});
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void aCompleteTxRecordWithInlineValuesIsRolledForward() throws IOException {
    commitInlineTx6();
    truncate("commit/00000000.seg", 5 * 56);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(6);
      assertThat(s.readValue(s.txRecord(6), 2)).isEqualTo(new byte[1000]);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void uncommittedTailsAreCutAfterATxWithoutValueRecord() throws IOException {
    commitInlineTx6();
    long tx = size("tx/00000000.seg");
    long val = size("val/00000000.seg");
    append("val/00000000.seg", new byte[100]);
    append("tx/00000000.seg", new byte[] {0, 0, 1, 0, 9, 9});
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(6);
      assertThat(size("val/00000000.seg")).isEqualTo(val);
      assertThat(size("tx/00000000.seg")).isEqualTo(tx);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void aValueLogShorterThanTheLastInlineTxExpectsIsCorruption() throws IOException {
    // Tx 6 (the last) has no value record, but says the value log held tx 5's values before it.
    commitInlineTx6();
    long val = size("val/00000000.seg");
    truncate("val/00000000.seg", val - 1);
    assertThatThrownBy(() -> ImmuStore.open(dir, StoreOptions.defaults()))
        .isInstanceOfSatisfying(
            CorruptedDataException.class,
            e -> assertThat(e.what()).contains("committed tx 6 has values beyond the end"));
  }

  @Test
  void rollForwardStopsAtAnIncompleteValueRecord() throws IOException {
    truncate("commit/00000000.seg", 3 * 56);
    long v = size("val/00000000.seg");
    truncate("val/00000000.seg", v - 1);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(4);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void aDamagedLastCommitRecordIsCorruptionNotATornWrite() throws IOException {
    flip("commit/00000000.seg", 4 * 56 + 30);
    assertThatThrownBy(() -> ImmuStore.open(dir, StoreOptions.defaults()))
        .isInstanceOf(CorruptedDataException.class)
        .hasMessageContaining("commit");
  }

  @Test
  void aDamagedLastTxRecordIsRefused() throws IOException {
    long n = size("tx/00000000.seg");
    flip("tx/00000000.seg", n - 20);
    assertThatThrownBy(() -> ImmuStore.open(dir, StoreOptions.defaults()))
        .isInstanceOf(CorruptedDataException.class)
        .hasMessageContaining("tx" + java.io.File.separator + "00000000.seg");
  }

  @Test
  void damageInTheMiddleIsFoundByVerify() throws IOException {
    flip("val/00000000.seg", 14);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      var report = s.verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.problem().get().location()).contains("val");
      assertThat(report.problem().get().txId()).isEqualTo(1);
    }
  }
}
