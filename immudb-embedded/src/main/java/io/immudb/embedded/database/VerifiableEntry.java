package io.immudb.embedded.database;

import io.immudb.core.kv.Entry;
import io.immudb.core.tx.InclusionProof;
import java.util.Objects;

/**
 * An entry with the proofs a client needs to check it (spec v1 §7.4, {@code VerifiableGet}): the
 * inclusion proof of the stored entry in its tx, and that tx with its dual proof. Thread-safe
 * (immutable).
 */
public record VerifiableEntry(
    Entry entry, VerifiableTx verifiableTx, InclusionProof inclusionProof) {
  public VerifiableEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(verifiableTx, "verifiableTx");
    Objects.requireNonNull(inclusionProof, "inclusionProof");
  }
}
