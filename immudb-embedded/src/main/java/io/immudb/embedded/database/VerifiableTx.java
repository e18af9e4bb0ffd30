package io.immudb.embedded.database;

import io.immudb.core.proof.DualProof;
import io.immudb.core.tx.Tx;
import java.util.Objects;

/**
 * A transaction with the dual proof that links it and the state the caller trusts (spec v1 §7.4).
 * Thread-safe (immutable).
 *
 * @param tx the transaction (header and all entries)
 * @param dualProof the proof between the caller's state and this tx, in the direction of §7.4
 */
public record VerifiableTx(Tx tx, DualProof dualProof) {
  public VerifiableTx {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(dualProof, "dualProof");
  }
}
