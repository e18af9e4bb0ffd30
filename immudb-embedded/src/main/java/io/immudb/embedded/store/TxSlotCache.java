package io.immudb.embedded.store;

/**
 * A direct-mapped cache of something per transaction (its header, its Alh): slot {@code txId mod
 * size}. Proofs read those of the current state and of recent txs over and over.
 *
 * <p>Thread-safe without locks: a slot holds an immutable pair of tx id and value, and a racing
 * reader sees either the old or the new pair of a slot, each checked against the id it wants.
 *
 * @param <V> the cached value, immutable
 */
final class TxSlotCache<V> {
  private record Slot<V>(long txId, V value) {}

  private final Slot<V>[] slots;
  private final int mask;

  /** Requires {@code size} to be a power of two. */
  @SuppressWarnings("unchecked")
  TxSlotCache(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two, got " + size);
    }
    this.slots = (Slot<V>[]) new Slot<?>[size];
    this.mask = size - 1;
  }

  /** The value cached for {@code txId}, or null. */
  V get(long txId) {
    Slot<V> s = slots[(int) txId & mask];
    return s != null && s.txId == txId ? s.value : null;
  }

  /** Caches {@code value} for {@code txId}, replacing whatever tx had its slot. */
  void put(long txId, V value) {
    slots[(int) txId & mask] = new Slot<>(txId, value);
  }
}
