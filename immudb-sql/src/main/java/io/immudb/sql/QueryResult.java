package io.immudb.sql;

import java.util.List;

/**
 * The rows of a query, each with one {@link SqlValue} per column, in the order of {@code columns}.
 * Thread-safe (immutable).
 */
public record QueryResult(List<ResultColumn> columns, List<List<SqlValue>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> List.copyOf(r)).toList();
  }
}
