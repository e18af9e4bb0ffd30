/**
 * The v0.8 per-entry Merkle tree (spec v0.8 §1–§2): leaf hashing ({@link
 * io.immudb.legacy.tree.LegacyLeaf}), how a stored entry becomes a leaf ({@link
 * io.immudb.legacy.tree.LegacyEntries}), roots and proof paths ({@link
 * io.immudb.legacy.tree.LegacyProofs}), their client-side check ({@link
 * io.immudb.legacy.tree.LegacyVerifier}), the tree on disk ({@link
 * io.immudb.legacy.tree.LegacyTree}) and its binding to a database's log ({@link
 * io.immudb.legacy.tree.LegacyLedger}).
 *
 * <p>Invariants: leaf {@code i} is the {@code i}-th entry of the log counted over txs in commit
 * order and entries in tx order; the tree is derived data and is rebuilt from the log whenever it
 * disagrees with it. Thread-safety is stated per class. Programmer errors throw JDK exceptions;
 * damaged tree files throw {@link io.immudb.embedded.CorruptedDataException}, and proof failures
 * the checked {@link io.immudb.core.proof.VerificationException}.
 */
package io.immudb.legacy.tree;
