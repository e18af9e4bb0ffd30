package io.immudb.core.proof;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.tx.TxHeader;
import java.util.List;

/**
 * Proof that a target transaction extends a source transaction, combining the AHT and the linear
 * Alh chain ({@code DualProof} on the wire, spec v1 §7.2).
 *
 * <p>Thread-safe (immutable; lists are copied). Any part may be {@code null} when the proof was
 * decoded from an incomplete message: the record keeps it so that {@link DualProofVerifier} can
 * reject it as {@code MALFORMED_PROOF}. {@link ProofBuilder} never leaves a part null.
 *
 * @param sourceTxHeader header of the source transaction
 * @param targetTxHeader header of the target transaction
 * @param inclusionProof {@code INCL(source.id, target.blTxId)} if {@code source.id <
 *     target.blTxId}, else empty
 * @param consistencyProof {@code CONS(source.blTxId, target.blTxId)} if {@code source.blTxId > 0},
 *     else empty
 * @param targetBlTxAlh {@code Alh_{target.blTxId}}, or {@code Z32} if {@code target.blTxId = 0}
 * @param lastInclusionProof {@code LAST(target.blTxId)} if {@code target.blTxId > 0}, else empty
 * @param linearProof the linear proof from {@code max(source.id, target.blTxId)} to {@code
 *     target.id}
 */
public record DualProof(
    TxHeader sourceTxHeader,
    TxHeader targetTxHeader,
    List<Sha256Digest> inclusionProof,
    List<Sha256Digest> consistencyProof,
    Sha256Digest targetBlTxAlh,
    List<Sha256Digest> lastInclusionProof,
    LinearProof linearProof) {
  public DualProof {
    inclusionProof = inclusionProof == null ? null : List.copyOf(inclusionProof);
    consistencyProof = consistencyProof == null ? null : List.copyOf(consistencyProof);
    lastInclusionProof = lastInclusionProof == null ? null : List.copyOf(lastInclusionProof);
  }
}
