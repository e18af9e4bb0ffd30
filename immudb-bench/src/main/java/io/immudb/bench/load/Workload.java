package io.immudb.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The transactions of a store run, generated before the clock starts: for each committer, its
 * warm-up txs followed by its measured txs.
 *
 * <p>Sequential keys: committer {@code c}'s tx {@code t} (warm-up txs first) holds key indexes
 * {@code base + (c·(W+T) + t)·E + j} for {@code 0 ≤ j < E}, so a run adds the {@code
 * committers·(W+T)·E} keys {@code [base, base + that)} and every key is new. Random keys are {@code
 * keyLen} random bytes, distinct within a tx (the data model rejects duplicates).
 *
 * <p>Values are random and drawn from a pool of distinct arrays capped at {@value #POOL_BYTES}
 * bytes, so a run with large values doesn't need its whole payload in memory; a store never sees
 * that two entries share an array. Entries are of type {@code T}, made from a key and a value array
 * by the factory given to {@link #generate}, which must not copy them. Thread-safe once built
 * (never modified).
 */
final class Workload<T> {
  static final long POOL_BYTES = 256L << 20;

  private final List<List<List<T>>> perCommitter;

  private Workload(List<List<List<T>>> perCommitter) {
    this.perCommitter = perCommitter;
  }

  /** Generates the txs of {@code spec}; sequential keys start at index {@code base}. */
  static <T> Workload<T> generate(
      StoreLoadSpec spec, long base, long seed, BiFunction<byte[], byte[], T> entry) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int e = spec.entriesPerTx();
    int txsEach = spec.warmupTxs() + spec.txs();
    long entries = (long) spec.committers() * txsEach * e;
    byte[][] values = valuePool(rnd, entries, spec.valueLen());
    long v = 0;
    List<List<List<T>>> all = new ArrayList<>(spec.committers());
    for (int c = 0; c < spec.committers(); c++) {
      List<List<T>> txs = new ArrayList<>(txsEach);
      for (int t = 0; t < txsEach; t++) {
        long first = base + ((long) c * txsEach + t) * e;
        Set<String> seen = spec.randomKeys() ? new HashSet<>(e * 2) : null;
        List<T> tx = new ArrayList<>(e);
        for (int j = 0; j < e; j++) {
          byte[] key =
              spec.randomKeys()
                  ? randomKey(rnd, spec.keyLen(), seen)
                  : SequentialKeys.key(first + j, spec.keyLen());
          tx.add(entry.apply(key, values[(int) (v++ % values.length)]));
        }
        txs.add(List.copyOf(tx));
      }
      all.add(List.copyOf(txs));
    }
    return new Workload<>(List.copyOf(all));
  }

  /** Number of keys {@code [base, base + n)} a sequential run of {@code spec} adds. */
  static long sequentialKeyCount(StoreLoadSpec spec) {
    return (long) spec.committers() * (spec.warmupTxs() + spec.txs()) * spec.entriesPerTx();
  }

  /** Committer {@code c}'s txs, warm-up txs first. */
  List<List<T>> txsOf(int c) {
    return perCommitter.get(c);
  }

  private static byte[][] valuePool(SplittableRandom rnd, long entries, int valueLen) {
    long cap = Math.max(1, POOL_BYTES / Math.max(1, valueLen));
    int n = (int) Math.min(entries, Math.min(cap, Integer.MAX_VALUE - 8));
    byte[][] pool = new byte[n][];
    for (int i = 0; i < n; i++) {
      pool[i] = new byte[valueLen];
      rnd.nextBytes(pool[i]);
    }
    return pool;
  }

  private static byte[] randomKey(SplittableRandom rnd, int keyLen, Set<String> seen) {
    while (true) {
      byte[] k = new byte[keyLen];
      rnd.nextBytes(k);
      if (seen.add(new String(k, StandardCharsets.ISO_8859_1))) {
        return k;
      }
    }
  }
}
