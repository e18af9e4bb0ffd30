package io.immudb.embedded.store;

import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * One committed transaction with its entries' keys and stored values, as {@link ImmuStore#export}
 * reads it and {@link ImmuStore#replicateAsync} replays it. Immutable.
 *
 * @param header the tx header, whose Alh the replayed tx must reproduce
 * @param entries the entries in tx order, with the values as stored (not resolved references)
 */
public record ExportedTx(TxHeader header, List<KeyValue> entries) {
  public ExportedTx {
    Objects.requireNonNull(header, "header");
    entries = List.copyOf(entries);
  }
}
