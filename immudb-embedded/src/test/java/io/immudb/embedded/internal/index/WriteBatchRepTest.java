package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/**
 * The serialized write batch of {@link IndexBatchWriter} is byte for byte what the bundled RocksDB
 * builds with one {@code put} per row, so RocksDB reads it as we mean it.
 */
class WriteBatchRepTest {
  @TempDir Path dir;

  @Test
  void matchesRocksDbPutEncodingForKeysOfEveryShape() throws Exception {
    Random random = new Random(7);
    List<TxIndexBatch> txs = new ArrayList<>();
    for (long tx = 1; tx <= 40; tx++) {
      int n = 1 + random.nextInt(30);
      List<byte[]> keys = new ArrayList<>();
      List<EntryRef> refs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // lengths across the 1- and 2-byte varint boundary; zero bytes to exercise the escape;
        // a small key space, so that keys repeat across txs
        int len = random.nextInt(8) == 0 ? 100 + random.nextInt(200) : random.nextInt(4);
        byte[] key = new byte[len];
        for (int j = 0; j < len; j++) {
          key[j] = (byte) random.nextInt(3);
        }
        if (keys.stream().anyMatch(k -> Arrays.equals(k, key))) {
          continue;
        }
        keys.add(key);
        byte[] h = new byte[32];
        random.nextBytes(h);
        refs.add(new EntryRef(tx, i, random.nextLong() >>> 1, random.nextInt(1 << 20), digest(h)));
      }
      txs.add(new TxIndexBatch(tx, keys, refs));
    }
    try (IndexDb db = IndexDb.open(dir)) {
      byte[] ours = IndexBatchWriter.encode(txs, 40, db.latest.getID(), db.history.getID());
      try (WriteBatch expected = referenceBatch(db, txs, 40)) {
        assertThat(ours).isEqualTo(expected.data());
      }
    }
  }

  @Test
  void varintSizes() {
    assertThat(WriteBatchRep.varintSize(0)).isEqualTo(1);
    assertThat(WriteBatchRep.varintSize(127)).isEqualTo(1);
    assertThat(WriteBatchRep.varintSize(128)).isEqualTo(2);
    assertThat(WriteBatchRep.varintSize(16_383)).isEqualTo(2);
    assertThat(WriteBatchRep.varintSize(16_384)).isEqualTo(3);
    assertThat(WriteBatchRep.varintSize(Integer.MAX_VALUE)).isEqualTo(5);
  }

  @Test
  void aBatchNotFilledToItsAnnouncedSizeIsRefused() {
    WriteBatchRep rep = new WriteBatchRep(WriteBatchRep.HEADER + 4, 1);
    rep.beginPut(0, 1);
    assertThatThrownBy(rep::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("filled 14 of 16 bytes");
  }

  /** The rows IndexBatchWriter documents, built the plain way: one put per row. */
  private static WriteBatch referenceBatch(IndexDb db, List<TxIndexBatch> txs, long lastTx)
      throws Exception {
    List<byte[][]> rows = new ArrayList<>();
    for (TxIndexBatch tx : txs) {
      for (int i = 0; i < tx.size(); i++) {
        byte[] key = tx.keyAt(i);
        rows.add(
            new byte[][] {
              key,
              EntryRefCodec.encode(tx.refs().get(i)),
              HistoryKeyCodec.versionKey(key, tx.txId())
            });
      }
    }
    rows.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0])); // stable: equal keys keep tx order
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < rows.size(); i++) {
      if (i + 1 == rows.size() || !Arrays.equals(rows.get(i)[0], rows.get(i + 1)[0])) {
        batch.put(db.latest, rows.get(i)[0], rows.get(i)[1]);
      }
    }
    for (byte[][] row : rows) {
      batch.put(db.history, row[2], row[1]);
    }
    batch.put(db.meta, IndexDb.INDEXED_TX_KEY, EntryRefCodec.encodeU64(lastTx));
    return batch;
  }

  private static Sha256Digest digest(byte[] h) {
    return Sha256Digest.of(h);
  }
}
