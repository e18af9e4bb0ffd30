package io.immudb.sql;

import java.util.List;

/**
 * A table's ids as stored (docs/design/sql.md): what VerifiableSQLGet sends so a client can decode
 * a proven row value (spec v1 §11, the id maps). Thread-safe (immutable).
 *
 * @param id the table id
 * @param name the table name
 * @param columns the columns in declaration order
 * @param primaryKey the primary-key column ids, in key order
 */
public record TableInfo(int id, String name, List<Column> columns, List<Integer> primaryKey) {
  public TableInfo {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  /** A column: its id, name, type and declared maximum length (0 = none). */
  public record Column(int id, String name, SqlType type, int maxLen) {}
}
