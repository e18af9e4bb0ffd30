package io.immudb.core.proof;

import io.immudb.core.crypto.Sha256Digest;
import java.util.List;

/**
 * Proof that the Alh chain leads from one transaction to a later one ({@code LinearProof} on the
 * wire, spec v1 §7.1).
 *
 * <p>Thread-safe (immutable; the term list is copied). A well-formed proof from {@code s} to {@code
 * t} has {@code t − s + 1} terms: {@code [Alh_s, innerHash_{s+1}, …, innerHash_t]}. The record
 * holds whatever it was given; {@link LinearProofVerifier} judges it.
 *
 * @param sourceTxId id of the first transaction
 * @param targetTxId id of the last transaction
 * @param terms {@code Alh_s} followed by the inner hashes of {@code s+1..t}
 */
public record LinearProof(long sourceTxId, long targetTxId, List<Sha256Digest> terms) {
  public LinearProof {
    terms = List.copyOf(terms);
  }
}
