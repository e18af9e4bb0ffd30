/**
 * Linear and dual proofs between transactions (spec v1 §7): the proof values, a builder over a
 * {@link io.immudb.core.proof.TxChain}, and strict verifiers; and the per-transaction checks of a
 * chain read tx by tx ({@link io.immudb.core.proof.TxChainVerifier}).
 *
 * <p>Invariants: a linear proof from {@code s} to {@code t} has {@code t − s + 1} terms; a dual
 * proof carries both headers. Verifiers are stricter than the immudb-node client (term counts,
 * missing parts, the linear-fake guard), never looser; every proof {@link
 * io.immudb.core.proof.ProofBuilder} builds over a synchronously linked chain passes them.
 *
 * <p>Thread-safety: proof values are immutable; builder and verifiers are stateless.
 *
 * <p>Exceptions: a proof that fails is the checked {@link
 * io.immudb.core.proof.VerificationException}, which carries a {@code Reason} and the evidence;
 * verifiers never return booleans. Bad arguments to the builder throw {@link
 * IllegalArgumentException}; a {@code null} expected digest given to a verifier is a programmer
 * error ({@link NullPointerException}).
 */
package io.immudb.core.proof;
