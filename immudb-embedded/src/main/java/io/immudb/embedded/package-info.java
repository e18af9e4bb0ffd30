/**
 * The embedded engine's public errors, shared by every layer of the engine.
 *
 * <p>All of them extend {@link io.immudb.core.ImmuException} and carry an {@link
 * io.immudb.core.ErrorCode} plus structured fields (the key, the tx, the limit), so that a server
 * can map them to a status and a caller can act on them without parsing messages.
 *
 * <p>The engine's layers, each a package: {@code appendable} (segment files) → {@code txlog}
 * (record formats) → {@code ahtree} (hash tree) → {@code index} (RocksDB key index) → {@code store}
 * (commit, recovery, proofs) → {@code database} (immudb's data model). A layer never imports a
 * higher one.
 */
package io.immudb.embedded;
