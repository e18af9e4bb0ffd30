package io.immudb.embedded.database;

import io.immudb.core.tx.InclusionProof;
import java.util.Objects;

/**
 * An SQL row entry with the proofs a client needs to check it (spec v1 §7.4, {@code
 * VerifiableSQLGet}): its inclusion in its tx, and that tx with its dual proof. Thread-safe
 * (immutable).
 */
public record VerifiableSqlEntry(
    SqlEntry entry, VerifiableTx verifiableTx, InclusionProof inclusionProof) {
  public VerifiableSqlEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(verifiableTx, "verifiableTx");
    Objects.requireNonNull(inclusionProof, "inclusionProof");
  }
}
