package io.immudb.core.kv;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sorted-set member as read (spec v1 §9.6 {@code ZEntry}): {@code key} added to {@code set} with
 * {@code score}, bound to tx {@code atTx} (0: unbound), and the member's {@link Entry}.
 *
 * <p>Thread-safe (immutable). Arrays are copied in and out.
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
    Objects.requireNonNull(entry, "entry");
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
        + Show.bytes(set)
        + ", key="
        + Show.bytes(key)
        + ", score="
        + score
        + ", atTx="
        + atTx
        + ", "
        + entry
        + "}";
  }
}
