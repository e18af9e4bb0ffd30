package io.immudb.embedded.internal.txlog;

import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import java.util.List;

/**
 * A transaction as stored in the tx log: its header and entries plus where their values live —
 * inline in the tx log, or in the tx's value record in the value log ({@link TxRecordCodec}).
 *
 * <p>Thread-safe (immutable; the offset array is never exposed).
 *
 * @param header the committed header
 * @param valuesOff offset of the tx's value record in the value log; if it has none, the value
 *     log's size when the tx was written
 * @param valuesLen length of that record; 0 if the tx has no value record
 * @param entries the entries in commit order
 * @param vOffs where each entry's value is ({@link TxRecordCodec}: {@link TxRecordCodec#INLINE}
 *     marks a tx-log offset)
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

  /**
   * Where entry {@code i}'s stored value is: a value-log offset, or a tx-log offset with {@link
   * TxRecordCodec#INLINE} set.
   */
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
