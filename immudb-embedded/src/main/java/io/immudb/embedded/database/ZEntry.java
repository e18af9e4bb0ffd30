package io.immudb.embedded.database;

import java.util.Arrays;

/**
 * A sorted-set member as returned by a sorted-set scan (spec v1 §9.6 {@code ZEntry}). Thread-safe
 * (immutable); arrays are copied in and out.
 *
 * @param set the set name
 * @param key the member's user key
 * @param entry the member's value, read at {@code atTx} (or latest when 0)
 * @param score the member's score
 * @param atTx the tx the member is bound to, or 0
 */
public record ZEntry(byte[] set, byte[] key, Entry entry, double score, long atTx) {
  public ZEntry {
    set = set.clone();
    key = key.clone();
  }

  @Override
  public byte[] set() {
    return set.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ZEntry z
        && Arrays.equals(set, z.set)
        && Arrays.equals(key, z.key)
        && entry.equals(z.entry)
        && Double.compare(score, z.score) == 0
        && atTx == z.atTx;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(set) * 31 + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "ZEntry{set="
        + Bytes.show(set)
        + ", key="
        + Bytes.show(key)
        + ", score="
        + score
        + ", atTx="
        + atTx
        + ", entry="
        + entry
        + "}";
  }
}
