package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.LimitExceededException;
import io.immudb.embedded.LimitExceededException.Limit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * A validated transaction waiting for the writer, with everything that does not depend on its
 * position in the chain already computed by the committing thread: value hashes and the entry tree
 * root {@code eH}. This keeps the single writer thread's work per tx small and constant.
 *
 * <p>Not thread-safe; handed from the committing thread to the writer through the commit queue.
 */
final class PreparedTx {
  private static final ThreadLocal<Sha256Hasher> HASHERS =
      ThreadLocal.withInitial(Sha256Hasher::create);

  final byte[][] keys;
  final byte[][] values;
  final Sha256Digest[] hValues;
  final Sha256Digest eh;
  final long valueBytes;
  final long keyBytes;
  final CompletableFuture<TxHeader> future;

  /** For a tx whose entries depend on its own id: builds them on the writer thread. */
  final LongFunction<List<KeyValue>> deferred;

  /**
   * For a replicated tx: the header it must get (id, chain link, tree root, entries), including the
   * timestamp it keeps; {@code null} for an ordinary commit. Set before the tx is queued.
   */
  TxHeader expected;

  private final StoreMeta limits;

  private PreparedTx(
      byte[][] keys, byte[][] values, Sha256Digest[] hValues, Sha256Digest eh, long vb, long kb) {
    this.keys = keys;
    this.values = values;
    this.hValues = hValues;
    this.eh = eh;
    this.valueBytes = vb;
    this.keyBytes = kb;
    this.future = new CompletableFuture<>();
    this.deferred = null;
    this.limits = null;
  }

  private PreparedTx(LongFunction<List<KeyValue>> deferred, StoreMeta limits) {
    this.keys = new byte[0][];
    this.values = new byte[0][];
    this.hValues = new Sha256Digest[0];
    this.eh = null;
    this.valueBytes = 0;
    this.keyBytes = 0;
    this.future = new CompletableFuture<>();
    this.deferred = deferred;
    this.limits = limits;
  }

  /** A tx whose entries are built, validated and hashed by the writer once its id is known. */
  static PreparedTx deferred(LongFunction<List<KeyValue>> entriesForTxId, StoreMeta limits) {
    return new PreparedTx(entriesForTxId, limits);
  }

  /** For a deferred tx: its entries for id {@code txId}, prepared. */
  PreparedTx resolve(long txId) {
    return prepare(deferred.apply(txId), limits);
  }

  /** Bytes this tx holds while queued, for the pushback bound. */
  long queuedBytes() {
    return valueBytes + keyBytes + 64L * keys.length;
  }

  /**
   * Validates {@code entries} against the store's limits and computes the hashes.
   *
   * @throws LimitExceededException if a limit is broken
   * @throws InvalidRequestException if there are no entries, an empty key or a duplicate key
   */
  static PreparedTx prepare(List<KeyValue> entries, StoreMeta limits) {
    int n = entries.size();
    if (n == 0) {
      throw new InvalidRequestException(InvalidRequestException.Kind.NO_ENTRIES, null);
    }
    if (n > limits.maxTxEntries()) {
      throw new LimitExceededException(Limit.MAX_TX_ENTRIES, limits.maxTxEntries(), n, -1);
    }
    byte[][] keys = new byte[n][];
    byte[][] values = new byte[n][];
    long vb = 0;
    long kb = 0;
    for (int i = 0; i < n; i++) {
      KeyValue kv = entries.get(i);
      byte[] k = kv.keyUnsafe();
      byte[] v = kv.valueUnsafe();
      if (k.length == 0) {
        throw new InvalidRequestException(
            InvalidRequestException.Kind.EMPTY_KEY, "entry " + i + " has an empty key");
      }
      if (k.length > limits.maxKeyLen()) {
        throw new LimitExceededException(Limit.MAX_KEY_LEN, limits.maxKeyLen(), k.length, i);
      }
      if (v.length > limits.maxValueLen()) {
        throw new LimitExceededException(Limit.MAX_VALUE_LEN, limits.maxValueLen(), v.length, i);
      }
      keys[i] = k;
      values[i] = v;
      vb += v.length;
      kb += k.length;
    }
    if (vb > Integer.MAX_VALUE - 64) {
      throw new InvalidRequestException(
          InvalidRequestException.Kind.ILLEGAL_ARGUMENTS,
          "the values of one transaction must total less than 2 GiB, got " + vb + " bytes");
    }
    checkDuplicates(keys);
    Sha256Hasher h = HASHERS.get();
    Sha256Digest[] hValues = new Sha256Digest[n];
    Sha256Digest eh;
    if (n == 1) {
      hValues[0] = h.hash(values[0]);
      eh = h.leaf(h.entryDigest(keys[0], hValues[0]));
    } else {
      Sha256Digest[] digests = new Sha256Digest[n];
      for (int i = 0; i < n; i++) {
        hValues[i] = h.hash(values[i]);
        digests[i] = h.entryDigest(keys[i], hValues[i]);
      }
      eh = HTree.build(Arrays.asList(digests), h).root();
    }
    return new PreparedTx(keys, values, hValues, eh, vb, kb);
  }

  /**
   * Rejects a repeated key. An open-addressing table of entry positions keyed by the keys' hash
   * codes: no allocation per entry, one array comparison per probe that matches a hash.
   */
  private static void checkDuplicates(byte[][] keys) {
    int n = keys.length;
    if (n == 1) {
      return;
    }
    int size = Integer.highestOneBit(n * 2 - 1) << 1;
    int mask = size - 1;
    int[] slots = new int[size]; // entry position + 1; 0 = empty
    int[] hashes = new int[n];
    for (int i = 0; i < n; i++) {
      int h = Arrays.hashCode(keys[i]);
      h ^= h >>> 16;
      hashes[i] = h;
      int s = h & mask;
      while (slots[s] != 0) {
        int j = slots[s] - 1;
        if (hashes[j] == h && Arrays.equals(keys[j], keys[i])) {
          throw new InvalidRequestException(
              InvalidRequestException.Kind.DUPLICATE_KEY,
              "entry " + i + " repeats the key of entry " + j);
        }
        s = (s + 1) & mask;
      }
      slots[s] = i + 1;
    }
  }
}
