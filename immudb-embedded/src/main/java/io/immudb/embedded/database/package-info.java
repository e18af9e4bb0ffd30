/**
 * immudb's data model over the store (spec v1 §3, §9.7): plain keys, references, sorted sets,
 * history, scans, transactions, and verifiable reads and writes that return proofs.
 *
 * <p>Invariants: user keys are never empty; stored keys and values carry the prefixes of spec v1
 * §3; a reference never points at another reference. Thread-safety: {@link
 * io.immudb.embedded.database.Database} is safe for any number of threads; result types are
 * immutable. Exceptions: the {@link io.immudb.core.ImmuException} subclasses of {@code
 * io.immudb.embedded}, each keeping immudb's error text as its message prefix.
 */
package io.immudb.embedded.database;
