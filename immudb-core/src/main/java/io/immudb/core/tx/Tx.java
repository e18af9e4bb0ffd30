package io.immudb.core.tx;

import java.util.List;
import java.util.Objects;

/**
 * A committed transaction: its header and its entries in commit order (spec v1 §5.5).
 *
 * <p>Thread-safe (immutable). Requires {@code entries.size() == header.nEntries()}.
 */
public record Tx(TxHeader header, List<TxEntry> entries) {
  public Tx {
    Objects.requireNonNull(header, "header");
    entries = List.copyOf(entries);
    if (entries.size() != header.nEntries()) {
      throw new IllegalArgumentException(
          "header says " + header.nEntries() + " entries, got " + entries.size());
    }
  }
}
