/**
 * Transactions as they are hashed and proven: headers with their inner hash and Alh (spec v1 §5),
 * entries (§3.5), and the per-transaction entry tree with its inclusion proofs (§4).
 *
 * <p>Invariants: a header's Alh is {@code H(u64(id) ‖ prevAlh ‖ innerHash)}; the entry tree's root
 * is the header's {@code eH}; inclusion proof terms run bottom-up.
 *
 * <p>Thread-safety: every type is immutable and thread-safe once built.
 *
 * <p>Exceptions: bad arguments throw {@link IllegalArgumentException}; a proof that does not verify
 * throws the checked {@link io.immudb.core.proof.VerificationException}.
 */
package io.immudb.core.tx;
