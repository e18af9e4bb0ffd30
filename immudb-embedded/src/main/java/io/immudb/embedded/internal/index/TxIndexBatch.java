package io.immudb.embedded.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The index entries of one committed transaction: its stored keys and, at the same positions, where
 * each key's new version lives.
 *
 * <p>Thread-safe (immutable): keys are copied on the way in and on the way out. Keys MUST be unique
 * within a transaction (the engine rejects duplicates before commit); this is not re-checked here,
 * and if it is broken the last occurrence wins.
 *
 * @param txId the transaction; requires {@code txId >= 1}
 * @param storedKeys the stored keys, in entry order
 * @param refs where each key's version lives; requires {@code refs.size() == storedKeys.size()} and
 *     {@code refs.get(i).txId() == txId}
 */
public record TxIndexBatch(long txId, List<byte[]> storedKeys, List<EntryRef> refs) {
  public TxIndexBatch {
    if (txId < 1) {
      throw new IllegalArgumentException("txId must be >= 1, got " + txId);
    }
    if (storedKeys == null) {
      throw new IllegalArgumentException("storedKeys is null (tx " + txId + ")");
    }
    if (refs == null) {
      throw new IllegalArgumentException("refs is null (tx " + txId + ")");
    }
    if (storedKeys.size() != refs.size()) {
      throw new IllegalArgumentException(
          "tx " + txId + " has " + storedKeys.size() + " keys but " + refs.size() + " refs");
    }
    List<byte[]> keys = new ArrayList<>(storedKeys.size());
    for (int i = 0; i < storedKeys.size(); i++) {
      byte[] k = storedKeys.get(i);
      EntryRef r = refs.get(i);
      if (k == null || r == null) {
        throw new IllegalArgumentException("tx " + txId + ": key or ref " + i + " is null");
      }
      if (r.txId() != txId) {
        throw new IllegalArgumentException(
            "tx " + txId + ": ref " + i + " belongs to tx " + r.txId());
      }
      keys.add(k.clone());
    }
    storedKeys = List.copyOf(keys);
    refs = List.copyOf(refs);
  }

  /** Returns copies of the stored keys, in entry order. */
  @Override
  public List<byte[]> storedKeys() {
    List<byte[]> out = new ArrayList<>(storedKeys.size());
    for (byte[] k : storedKeys) {
      out.add(k.clone());
    }
    return out;
  }

  /** The number of entries. */
  public int size() {
    return refs.size();
  }

  /** Key {@code i} without a copy, for the index's own write path; callers MUST NOT modify it. */
  byte[] keyAt(int i) {
    return storedKeys.get(i);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TxIndexBatch b) || b.txId != txId || !b.refs.equals(refs)) {
      return false;
    }
    for (int i = 0; i < storedKeys.size(); i++) {
      if (!Arrays.equals(storedKeys.get(i), b.storedKeys.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(txId) * 31 + refs.hashCode();
    for (byte[] k : storedKeys) {
      h = h * 31 + Arrays.hashCode(k);
    }
    return h;
  }

  @Override
  public String toString() {
    return "TxIndexBatch[txId=" + txId + ", entries=" + refs.size() + "]";
  }
}
