package io.immudb.embedded.internal.index;

import io.immudb.core.crypto.Sha256Digest;

/**
 * Where one indexed version of a key lives: the entry of a committed transaction and its stored
 * value.
 *
 * <p>Thread-safe (immutable).
 *
 * @param txId the transaction that wrote this version; requires {@code txId >= 1}
 * @param entryIndex position of the entry inside its transaction, 0-based; requires {@code >= 0}
 * @param vOff where the stored value is, as the tx record says: a value-log offset, or a tx-log
 *     offset with the inline bit (bit 62) set ({@code internal.txlog.TxRecordCodec}); carried
 *     through unchanged; requires {@code >= 0}
 * @param vLen length of the stored value; requires {@code >= 0}
 * @param hValue SHA-256 of the stored value (spec v1 §3.4)
 */
public record EntryRef(long txId, int entryIndex, long vOff, int vLen, Sha256Digest hValue) {
  public EntryRef {
    if (txId < 1) {
      throw new IllegalArgumentException("txId must be >= 1, got " + txId);
    }
    if (entryIndex < 0) {
      throw new IllegalArgumentException("entryIndex must be >= 0, got " + entryIndex);
    }
    if (vOff < 0) {
      throw new IllegalArgumentException("vOff must be >= 0, got " + vOff);
    }
    if (vLen < 0) {
      throw new IllegalArgumentException("vLen must be >= 0, got " + vLen);
    }
    if (hValue == null) {
      throw new IllegalArgumentException("hValue is null");
    }
  }
}
