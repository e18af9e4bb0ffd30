package io.immudb.embedded.internal.index;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Turns consecutive {@link TxIndexBatch}es into one atomic RocksDB write: a {@code latest} row per
 * distinct key (its newest version in the batch), a {@code history} row per entry, and the new
 * {@code indexedTx}.
 *
 * <p>Rows are sorted by key before they go into the batch. Memtable inserts in key order reuse the
 * skiplist search path of the previous insert, which measured about twice as fast as inserting in
 * tx order with random keys. The sort is stable and entries arrive in tx order, so equal keys stay
 * ordered by tx id: that is the {@code history} key order (see {@link HistoryKeyCodec}), and the
 * last of a run is the key's newest version, the only one written to {@code latest}.
 *
 * <p>Stateless and thread-safe; the caller serializes writes.
 */
final class IndexBatchWriter {
  // a row is {storedKey, encoded ref, history key}
  private static final int KEY = 0;
  private static final int REF = 1;
  private static final int HISTORY_KEY = 2;
  private static final Comparator<byte[][]> BY_KEY =
      (a, b) -> Arrays.compareUnsigned(a[KEY], b[KEY]);

  private IndexBatchWriter() {}

  /** Writes {@code txs} atomically and sets {@code indexedTx} to {@code lastTx}. */
  static void write(IndexDb db, List<TxIndexBatch> txs, long lastTx) {
    int n = 0;
    for (TxIndexBatch tx : txs) {
      n = Math.addExact(n, tx.size());
    }
    byte[][][] rows = new byte[n][][];
    int r = 0;
    for (TxIndexBatch tx : txs) {
      for (int i = 0; i < tx.size(); i++) {
        byte[] key = tx.keyAt(i);
        rows[r++] =
            new byte[][] {
              key,
              EntryRefCodec.encode(tx.refs().get(i)),
              HistoryKeyCodec.versionKey(key, tx.txId())
            };
      }
    }
    Arrays.sort(rows, BY_KEY);
    try (WriteBatch batch = new WriteBatch()) {
      for (int i = 0; i < n; i++) {
        if (i + 1 == n || !Arrays.equals(rows[i][KEY], rows[i + 1][KEY])) {
          batch.put(db.latest, rows[i][KEY], rows[i][REF]);
        }
      }
      for (byte[][] row : rows) {
        batch.put(db.history, row[HISTORY_KEY], row[REF]);
      }
      batch.put(db.meta, IndexDb.INDEXED_TX_KEY, EntryRefCodec.encodeU64(lastTx));
      db.write(batch);
    } catch (RocksDBException e) {
      throw IndexDb.failure("batch", e);
    }
  }
}
