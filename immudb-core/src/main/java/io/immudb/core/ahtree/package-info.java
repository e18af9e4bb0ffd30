/**
 * The append-only hash tree over Alh values (binary linking, spec v1 §6): node access, an in-memory
 * tree, roots and proofs ({@code ROOT}, {@code INCL}, {@code CONS}, {@code LAST}) and their
 * client-side verification.
 *
 * <p>Invariants: leaf {@code i} (1-based) is {@code LEAF(Alh_i)}; roots are RFC 6962 Merkle Tree
 * Hashes; a perfect subtree never changes once complete, so proofs for size {@code j} read only
 * subtrees inside leaves {@code 1..j} and stay valid as the tree grows.
 *
 * <p>Thread-safety: {@link io.immudb.core.ahtree.AhtProofs} and {@link
 * io.immudb.core.ahtree.AhtVerifier} are stateless; {@link io.immudb.core.ahtree.InMemoryAhTree} is
 * not thread-safe; other {@link io.immudb.core.ahtree.AhtNodes} state their own rules.
 *
 * <p>Exceptions: out-of-range sizes given to a builder throw {@link IllegalArgumentException};
 * verifiers never throw that for bad proof data but the checked {@link
 * io.immudb.core.proof.VerificationException}.
 */
package io.immudb.core.ahtree;
