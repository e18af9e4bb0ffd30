package io.immudb.embedded.database;

import io.immudb.core.kv.Show;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.kv.ZAddKeyCodec;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.KeyValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The write operations of the data model (spec v1 §9.7: {@code Set}, {@code SetReference}, {@code
 * ZAdd}, {@code ExecAll}): validation, encoding to stored entries (spec v1 §3), commit, and the
 * wait for the index unless {@code noWait}.
 *
 * <p>Thread-safe (stateless over a thread-safe store). The existence checks of references and
 * sorted-set members read the index at the last committed tx; they are not atomic with the commit,
 * as in immudb.
 */
final class Writes {
  private final ImmuStore store;
  private final KeyReader reader;

  Writes(ImmuStore store, KeyReader reader) {
    this.store = store;
    this.reader = reader;
  }

  TxHeader set(List<io.immudb.core.kv.KeyValue> kvs, boolean noWait) {
    return commit(setEntries(kvs), noWait);
  }

  /** As {@link #set}, without blocking; validation errors are thrown at once. */
  CompletableFuture<TxHeader> setAsync(List<io.immudb.core.kv.KeyValue> kvs, boolean noWait) {
    CompletableFuture<TxHeader> committed = store.commitAsync(setEntries(kvs));
    return noWait
        ? committed
        : committed.thenCompose(h -> store.indexedAsync(h.id()).thenApply(x -> h));
  }

  /** The stored entries of user pairs {@code kvs}. */
  private static List<KeyValue> setEntries(List<io.immudb.core.kv.KeyValue> kvs) {
    if (kvs.isEmpty()) {
      throw new InvalidRequestException(Kind.NO_ENTRIES, null);
    }
    List<KeyValue> stored = new ArrayList<>(kvs.size());
    for (int i = 0; i < kvs.size(); i++) {
      io.immudb.core.kv.KeyValue kv = kvs.get(i);
      byte[] k = StoredKeys.plain(kv);
      if (k.length == 1) { // the prefix alone: an empty user key
        throw new InvalidRequestException(Kind.EMPTY_KEY, "entry " + i + " has an empty key");
      }
      stored.add(KeyValue.ofOwned(k, StoredValues.plain(kv)));
    }
    return stored;
  }

  TxHeader setReference(
      byte[] key, byte[] referencedKey, long atTx, boolean boundRef, boolean noWait) {
    checkRef(key, referencedKey, atTx, boundRef);
    try (IndexSnapshot s = latestSnapshot()) {
      // immudb v1.1.0 looks for the existing key in tx atTx when the reference is bound.
      Optional<KeyReader.Stored> existing = reader.find(s, key, atTx);
      if (existing.isPresent() && !StoredValues.isReference(existing.get().storedValue())) {
        throw new InvalidRequestException(
            Kind.KEY_IS_NOT_A_REFERENCE, "key " + Show.bytes(key) + " holds a value");
      }
      checkTarget(s, referencedKey, atTx);
    }
    return commit(List.of(refEntry(key, referencedKey, atTx)), noWait);
  }

  TxHeader zAdd(byte[] set, double score, byte[] key, long atTx, boolean boundRef, boolean noWait) {
    checkZAdd(set, key, atTx, boundRef);
    try (IndexSnapshot s = latestSnapshot()) {
      checkTarget(s, key, atTx);
    }
    return commit(List.of(zEntry(set, score, key, atTx)), noWait);
  }

  TxHeader execAll(List<Op> ops, boolean noWait) {
    if (ops.isEmpty()) {
      throw new InvalidRequestException(Kind.EMPTY_SET, null);
    }
    Set<String> kvKeys = new HashSet<>();
    Set<String> refKeys = new HashSet<>();
    Set<String> zKeys = new HashSet<>();
    boolean needsOwnTxId = false;
    try (IndexSnapshot s = latestSnapshot()) {
      for (Op op : ops) {
        if (op instanceof Op.Kv kv) {
          if (kv.key().length == 0) {
            throw new InvalidRequestException(Kind.EMPTY_KEY, "a kv operation has an empty key");
          }
          if (!kvKeys.add(hex(kv.key()))) {
            throw new InvalidRequestException(Kind.DUPLICATED_KV_IN_BATCH, null);
          }
        } else if (op instanceof Op.Ref r) {
          checkBatchBinding(r.key(), r.referencedKey(), r.atTx(), r.boundRef());
          if (!refKeys.add(hex(r.key()))) {
            throw new InvalidRequestException(Kind.DUPLICATED_REF_IN_BATCH, null);
          }
          needsOwnTxId |= r.boundRef() && r.atTx() == 0;
          if (!(r.atTx() == 0 && kvKeys.contains(hex(r.referencedKey())))) {
            checkTarget(s, r.referencedKey(), r.atTx());
          }
        } else if (op instanceof Op.ZAdd z) {
          checkBatchBinding(z.set(), z.key(), z.atTx(), z.boundRef());
          if (!zKeys.add(hex(z.set()) + "/" + hex(z.key()) + "/" + z.score() + "/" + z.atTx())) {
            throw new InvalidRequestException(Kind.DUPLICATED_ZADD_IN_BATCH, null);
          }
          needsOwnTxId |= z.boundRef() && z.atTx() == 0;
          if (!(z.atTx() == 0 && kvKeys.contains(hex(z.key())))) {
            checkTarget(s, z.key(), z.atTx());
          }
        }
      }
    }
    TxHeader h =
        needsOwnTxId ? store.commitWith(txId -> entries(ops, txId)) : store.commit(entries(ops, 0));
    if (!noWait) {
      store.awaitIndexed(h.id());
    }
    return h;
  }

  /** The stored entries of {@code ops}; bound operations with atTx 0 bind to {@code ownTxId}. */
  private static List<KeyValue> entries(List<Op> ops, long ownTxId) {
    List<KeyValue> out = new ArrayList<>(ops.size());
    for (Op op : ops) {
      if (op instanceof Op.Kv kv) {
        out.add(KeyValue.ofOwned(StoredKeys.plain(kv.key()), StoredValues.plain(kv.value())));
      } else if (op instanceof Op.Ref r) {
        long at = r.boundRef() && r.atTx() == 0 ? ownTxId : r.atTx();
        out.add(refEntry(r.key(), r.referencedKey(), at));
      } else if (op instanceof Op.ZAdd z) {
        long at = z.boundRef() && z.atTx() == 0 ? ownTxId : z.atTx();
        out.add(zEntry(z.set(), z.score(), z.key(), at));
      }
    }
    return out;
  }

  private static KeyValue refEntry(byte[] key, byte[] referencedKey, long atTx) {
    return KeyValue.ofOwned(StoredKeys.plain(key), StoredValues.reference(atTx, referencedKey));
  }

  private static KeyValue zEntry(byte[] set, double score, byte[] key, long atTx) {
    return KeyValue.ofOwned(ZAddKeyCodec.encode(set, score, key, atTx), new byte[0]);
  }

  private TxHeader commit(List<KeyValue> stored, boolean noWait) {
    TxHeader h = store.commit(stored);
    if (!noWait) {
      store.awaitIndexed(h.id());
    }
    return h;
  }

  /** A snapshot that includes every tx committed before this call. */
  private IndexSnapshot latestSnapshot() {
    store.awaitIndexed(store.lastTxId());
    return store.indexSnapshot();
  }

  /** The referenced key or member must exist (in tx atTx if bound) and not be a reference. */
  private void checkTarget(IndexSnapshot s, byte[] key, long atTx) {
    Optional<KeyReader.Stored> target = reader.find(s, key, atTx);
    if (target.isEmpty()) {
      throw new KeyNotFoundException(key, atTx);
    }
    if (StoredValues.isReference(target.get().storedValue())) {
      throw new InvalidRequestException(
          Kind.REFERENCE_TO_REFERENCE, "key " + Show.bytes(key) + " is a reference");
    }
  }

  private void checkRef(byte[] key, byte[] referencedKey, long atTx, boolean boundRef) {
    if (key.length == 0 || referencedKey.length == 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "empty key or referenced key");
    }
    checkBinding(atTx, boundRef);
  }

  private void checkZAdd(byte[] set, byte[] key, long atTx, boolean boundRef) {
    if (set.length == 0 || key.length == 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "empty set or key");
    }
    checkBinding(atTx, boundRef);
  }

  private void checkBinding(long atTx, boolean boundRef) {
    if (atTx < 0 || boundRef != (atTx > 0)) {
      throw new InvalidRequestException(
          Kind.ILLEGAL_ARGUMENTS, "boundRef=" + boundRef + " does not match atTx=" + atTx);
    }
    if (atTx > store.lastTxId()) {
      throw new io.immudb.embedded.TxNotFoundException(atTx, store.lastTxId());
    }
  }

  /** ExecAll allows boundRef with atTx 0 (bind to the tx being committed), not the reverse. */
  private void checkBatchBinding(byte[] a, byte[] b, long atTx, boolean boundRef) {
    if (a.length == 0 || b.length == 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "empty key in an operation");
    }
    if (atTx < 0 || (!boundRef && atTx > 0)) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "boundRef=false with atTx=" + atTx);
    }
  }

  private static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
