package io.immudb.sql.internal;

import io.immudb.sql.SqlValue;
import java.util.List;

/**
 * Runs the subqueries of an expression for {@link Evaluator}: {@code select} as seen from the row
 * {@code outerRow} of the enclosing query (correlated references read it). Naive: a subquery runs
 * again for every row that evaluates it.
 */
@FunctionalInterface
interface Subqueries {
  /** The rows of {@code select}, each a list of its column values. */
  List<List<SqlValue>> run(Stmt.Select select, SqlValue[] outerRow);
}
