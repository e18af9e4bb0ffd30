/**
 * The SQL engine over a {@link io.immudb.embedded.database.Database}: {@link
 * io.immudb.sql.SqlEngine} is the module's one door; values are {@link io.immudb.sql.SqlValue}s.
 *
 * <p>Invariants: every row version and table definition is an entry of the database's verified tx
 * log under key prefix {@code 0x02}; deleted rows are tombstone versions, so the history of every
 * row stays provable; the key layout (docs/design/sql.md) makes a primary-key lookup one key and a
 * primary-key ordered scan one prefix range. Thread-safety: the engine is safe for any number of
 * threads; results are immutable. Exceptions: {@link io.immudb.sql.SqlException} (an {@link
 * io.immudb.core.ImmuException}) for every bad statement, with the line and column of a syntax
 * error or the table and column at fault, and code CONFLICT with text {@code tx read conflict} for
 * a transaction that raced a concurrent one (optimistic concurrency: retry it); nothing of a failed
 * statement is written.
 */
package io.immudb.sql;
