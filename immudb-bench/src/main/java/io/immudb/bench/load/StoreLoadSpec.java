package io.immudb.bench.load;

import java.nio.file.Path;

/**
 * What a {@link StoreLoad} run does: {@code committers} threads each commit {@code warmupTxs}
 * unmeasured txs, then {@code txs} measured ones, of {@code entriesPerTx} entries with {@code
 * keyLen}-byte keys and {@code valueLen}-byte values.
 *
 * <p>Thread-safe (immutable). Requires committers, txs, entriesPerTx, keyLen ≥ 1, valueLen,
 * warmupTxs ≥ 0, and for sequential keys that every key index of the run fits in {@code keyLen}
 * (see {@link SequentialKeys}).
 *
 * @param synced whether each commit waits for fdatasync
 * @param randomKeys random key bytes instead of sequential keys
 * @param dataModel commit through {@code Database.setAll} (user keys, spec v1 §3 prefixes added)
 *     instead of raw {@code ImmuStore.commit}
 * @param dir the store directory, kept after the run; null for a temporary one
 * @param indexDeferEntries the store's {@code indexDeferEntries} option
 */
public record StoreLoadSpec(
    int committers,
    int txs,
    int entriesPerTx,
    int keyLen,
    int valueLen,
    boolean synced,
    boolean randomKeys,
    boolean dataModel,
    int warmupTxs,
    Path dir,
    long indexDeferEntries,
    int inFlight) {

  public StoreLoadSpec {
    atLeast("committers", committers, 1);
    atLeast("txs", txs, 1);
    atLeast("entries per tx", entriesPerTx, 1);
    atLeast("key length", keyLen, 1);
    atLeast("value length", valueLen, 0);
    atLeast("warm-up txs", warmupTxs, 0);
    atLeast("index defer entries", indexDeferEntries, 0);
    atLeast("in-flight commits per committer", inFlight, 1);
    if (randomKeys && keyLen < 8 && (1L << (8 * keyLen)) < 2L * entriesPerTx) {
      throw new IllegalArgumentException(
          keyLen + "-byte random keys are too few for " + entriesPerTx + " distinct keys per tx");
    }
    if (!randomKeys) {
      SequentialKeys.checkFits((long) committers * (warmupTxs + txs) * entriesPerTx, keyLen);
    }
  }

  /** Measured txs over all committers. */
  public long totalTxs() {
    return (long) committers * txs;
  }

  private static void atLeast(String name, long v, long min) {
    if (v < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }
  }
}
