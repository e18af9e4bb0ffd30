package io.immudb.core.kv;

import java.util.Arrays;

/**
 * The reference through which an {@link Entry} was reached (spec v1 §9.6 {@code Reference}): the
 * key {@code key}, written in tx {@code tx}, points to another key, at tx {@code atTx}.
 *
 * <p>Thread-safe (immutable). The key is copied in and out.
 *
 * @param tx the tx that wrote the reference
 * @param key the reference's own user key
 * @param atTx the tx the reference is bound to, or 0 if it follows the latest value
 */
public record Reference(long tx, byte[] key, long atTx) {
  public Reference {
    key = key.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reference r && tx == r.tx && atTx == r.atTx && Arrays.equals(key, r.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31 + Long.hashCode(tx);
  }

  @Override
  public String toString() {
    return "Reference{tx=" + tx + ", key=" + Show.bytes(key) + ", atTx=" + atTx + "}";
  }
}
