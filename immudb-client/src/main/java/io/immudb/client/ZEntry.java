package io.immudb.client;

import java.util.Arrays;

/**
 * A member of a sorted set: {@code key} added to {@code set} with {@code score}, bound to tx {@code
 * atTx} (0: unbound), and the member's {@link Entry} as read.
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
    return "ZEntry{score=" + score + ", atTx=" + atTx + ", " + entry + "}";
  }
}
