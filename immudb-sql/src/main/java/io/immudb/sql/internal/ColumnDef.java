package io.immudb.sql.internal;

import io.immudb.sql.SqlType;

/**
 * A column of a table in the catalog. {@code id} is fixed at creation (1, 2, … in declaration
 * order) and is what rows store, so a column can later be renamed without rewriting rows. {@code
 * maxLen} 0 = no declared length. Thread-safe (immutable).
 */
public record ColumnDef(
    int id, String name, SqlType type, int maxLen, boolean notNull, boolean autoIncrement) {

  /** The type as DescribeTable shows it: {@code VARCHAR[16]} for a declared length. */
  public String typeText() {
    return maxLen > 0 ? type.name() + "[" + maxLen + "]" : type.name();
  }
}
