/**
 * The embedded engine's public errors, shared by every layer of the engine.
 *
 * <p>All of them extend {@link io.immudb.core.ImmuException} and carry an {@link
 * io.immudb.core.ErrorCode} plus structured fields (the key, the tx, the limit), so that a server
 * can map them to a status and a caller can act on them without parsing messages.
 *
 * <p>The engine's layers, each a package: {@code internal.appendable} (segment files) → {@code
 * internal.txlog} (record formats) → {@code internal.ahtree} (hash tree) → {@code internal.index}
 * (RocksDB key index) → {@code store} (commit, recovery, proofs) → {@code database} (immudb's data
 * model). A layer never imports a higher one.
 *
 * <p>What other modules may use: this package (the errors), {@code database} (the door: {@link
 * io.immudb.embedded.database.Database} and its request and result types) and, from {@code store},
 * the {@link io.immudb.embedded.store.StoreOptions} and {@link
 * io.immudb.embedded.store.VerificationReport} that {@code Database} takes and returns. {@link
 * io.immudb.embedded.store.ImmuStore} and its commit type are for the engine benchmarks only; the
 * {@code internal} packages for the engine only. {@code EngineBoundaryTest} checks every other
 * module's main sources against these rules.
 */
package io.immudb.embedded;
