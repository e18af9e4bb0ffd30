package io.immudb.embedded.store;

import io.immudb.core.tx.TxHeader;

/**
 * A direct-mapped cache of transaction headers: slot {@code txId mod size}. Proofs read the headers
 * of the current state and of recent txs over and over.
 *
 * <p>Thread-safe without locks: slots hold immutable headers, and a racing reader sees either the
 * old or the new header of a slot, each checked against the id it wants.
 */
final class HeaderCache {
  private final TxHeader[] slots;
  private final int mask;

  /** Requires {@code size} to be a power of two. */
  HeaderCache(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two, got " + size);
    }
    this.slots = new TxHeader[size];
    this.mask = size - 1;
  }

  TxHeader get(long txId) {
    TxHeader h = slots[(int) txId & mask];
    return h != null && h.id() == txId ? h : null;
  }

  void put(TxHeader h) {
    slots[(int) h.id() & mask] = h;
  }
}
