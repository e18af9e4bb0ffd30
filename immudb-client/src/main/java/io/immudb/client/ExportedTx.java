package io.immudb.client;

import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * One transaction of an exported history ({@link ImmuClient#exportTxs}): its header and its entries
 * with the values as stored — references and sorted-set entries in their stored form, keys with
 * their namespace prefix. {@link HistoryChecker} checks a sequence of them; {@link
 * ImmuClient#importDatabase} replays them. Immutable.
 *
 * @param header the header whose Alh the tx has
 * @param entries the stored keys and values, in tx order
 */
public record ExportedTx(TxHeader header, List<KeyValue> entries) {
  public ExportedTx {
    Objects.requireNonNull(header, "header");
    entries = List.copyOf(entries);
  }
}
