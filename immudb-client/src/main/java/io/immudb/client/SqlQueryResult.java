package io.immudb.client;

import java.util.List;

/**
 * The answer of {@link ImmuClient#sqlQuery}, {@link ImmuClient#listTables} or {@link
 * ImmuClient#describeTable}: the columns, and the rows in the server's order, each one value per
 * column. Values are Java values as the wire gives them (spec v1 §11): {@code Long} for INTEGER and
 * for TIMESTAMP (microseconds since the epoch), {@code String} for VARCHAR, {@code Boolean}, {@code
 * byte[]} for BLOB, and {@code null} for SQL NULL. Immutable, except for the {@code byte[]} values.
 */
public record SqlQueryResult(List<SqlColumn> columns, List<List<Object>> rows) {
  /**
   * The position of the column with short name or selector {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      SqlColumn c = columns.get(i);
      if (c.name().equals(name) || c.selector().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name + " in " + columns);
  }

  /** The value of column {@code name} in row {@code row}. */
  public Object value(int row, String name) {
    return rows.get(row).get(columnIndex(name));
  }
}
