package io.immudb.bench.load;

import java.nio.file.Path;

/**
 * What a {@link ReadLoad} run does: {@code threads} readers of random existing keys, first with
 * {@code get}, then with {@code verifiableGet}; each phase lasts {@code seconds}, or {@code ops}
 * operations in all when {@code ops > 0}, after {@code warmupSeconds} of unmeasured reads.
 *
 * <p>Thread-safe (immutable). Requires threads ≥ 1, seconds ≥ 1 unless ops > 0, ops, warmupSeconds,
 * populate ≥ 0, keyLen ≥ 2, valueLen ≥ 0, and a directory unless populate > 0.
 *
 * @param dir the store directory; null for a temporary one (then {@code populate} must be > 0)
 * @param populate data-model keys to add before reading, in txs of {@code populateBatch} entries
 * @param keyLen length of the keys {@code populate} adds
 * @param valueLen length of the values {@code populate} adds
 * @param populateBatch entries per tx when populating
 */
public record ReadLoadSpec(
    Path dir,
    long populate,
    int threads,
    int seconds,
    long ops,
    int warmupSeconds,
    int keyLen,
    int valueLen,
    int populateBatch) {

  public ReadLoadSpec {
    if (populateBatch < 1) {
      throw new IllegalArgumentException("populate batch must be >= 1, got " + populateBatch);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (ops < 0 || populate < 0 || warmupSeconds < 0 || valueLen < 0) {
      throw new IllegalArgumentException("ops, populate, warm-up and value length must be >= 0");
    }
    if (ops == 0 && seconds < 1) {
      throw new IllegalArgumentException("seconds must be >= 1 when ops is not given");
    }
    if (dir == null && populate == 0) {
      throw new IllegalArgumentException(
          "read needs a populated store: pass --dir of a `store --data-model` run, or --populate"
              + " N");
    }
    if (populate > 0) {
      SequentialKeys.checkFits(populate, keyLen);
    }
  }
}
