/**
 * The transactional store: commit path, recovery, reads by tx id, proofs and full verification over
 * the logs of the lower layers, with the derived key index kept up to date.
 *
 * <p>Invariants: tx ids are dense from 1; a tx is committed exactly when its commit record is
 * durable (synced stores) or written (unsynced); every header links to the previous Alh and to the
 * hash tree over all previous txs (spec v1 §5–§6); readers see only committed txs.
 *
 * <p>Thread-safety: {@link io.immudb.embedded.store.ImmuStore} is safe for any number of threads.
 * Exceptions: domain errors are {@link io.immudb.core.ImmuException} subclasses from {@code
 * io.immudb.embedded}; I/O failures on open are {@link java.io.IOException}; corruption found while
 * reading raises {@link io.immudb.embedded.CorruptedDataException} after the store has switched
 * itself to read-only.
 *
 * <p>Outside the engine, {@link io.immudb.embedded.store.StoreOptions} and {@link
 * io.immudb.embedded.store.VerificationReport} belong to {@link
 * io.immudb.embedded.database.Database}'s API; {@link io.immudb.embedded.store.ImmuStore} and
 * {@link io.immudb.embedded.store.KeyValue} are there for the engine benchmarks only.
 */
package io.immudb.embedded.store;
