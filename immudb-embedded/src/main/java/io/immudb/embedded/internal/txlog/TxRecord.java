package io.immudb.embedded.internal.txlog;

import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import java.util.List;

/**
 * A transaction as stored in the tx log: its header and entries plus where their values live in the
 * value log.
 *
 * <p>Thread-safe (immutable; the offset array is never exposed).
 *
 * @param header the committed header
 * @param valuesOff offset of the tx's value record in the value log
 * @param valuesLen length of that record
 * @param entries the entries in commit order
 */
public record TxRecord(
    TxHeader header, long valuesOff, int valuesLen, List<TxEntry> entries, long[] vOffs) {
  public TxRecord {
    entries = List.copyOf(entries);
    vOffs = vOffs.clone();
    if (vOffs.length != entries.size() || entries.size() != header.nEntries()) {
      throw new IllegalArgumentException("entry count mismatch in tx " + header.id());
    }
  }

  /** Offset in the value log of entry {@code i}'s stored value. */
  public long vOff(int i) {
    return vOffs[i];
  }

  /** Returns a copy of the value offsets. */
  @Override
  public long[] vOffs() {
    return vOffs.clone();
  }

  /** The transaction as hashed and proven. */
  public Tx tx() {
    return new Tx(header, entries);
  }
}
