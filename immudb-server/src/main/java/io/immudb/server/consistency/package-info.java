/**
 * The online consistency checker: a low-priority background task that re-reads committed
 * transactions of every database from disk and checks their hashes, chain links and hash tree, and
 * switches a database whose data fails a check to read-only (see {@code
 * docs/ops/consistency-checker.md}).
 *
 * <p>Invariants: the checker only reads (through {@code Database.verifyTx*}, which take no lock the
 * commit path holds); its read rate is bounded per round; it never interrupts its own thread (an
 * interrupt during a file read would close the store's file channels). Thread-safety: {@link
 * io.immudb.server.consistency.ConsistencyChecker} is safe for concurrent use; its status getters
 * are cheap and lock-free. Exceptions: corruption is reported through the log, the status and the
 * database's read-only state, never thrown to the caller of the checker.
 */
package io.immudb.server.consistency;
