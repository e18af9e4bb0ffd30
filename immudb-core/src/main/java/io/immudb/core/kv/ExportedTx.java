package io.immudb.core.kv;

import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * One committed transaction of an exported history: its header and its entries as stored, which is
 * what replaying it elsewhere needs to reproduce the same tx (same entries hash, same Alh).
 *
 * <p>Thread-safe (immutable).
 *
 * @param header the tx header, whose Alh the replayed tx must reproduce
 * @param entries the stored keys and values in tx order (references and sorted-set members in their
 *     stored form, not resolved)
 */
public record ExportedTx(TxHeader header, List<StoredKeyValue> entries) {
  public ExportedTx {
    Objects.requireNonNull(header, "header");
    entries = List.copyOf(entries);
  }
}
