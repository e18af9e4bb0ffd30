package io.immudb.sql.internal;

import java.util.List;

/**
 * A secondary index of a table: its id within the table (1, 2, …), uniqueness and the ids of its
 * columns, in order. Thread-safe (immutable).
 */
public record IndexDef(int id, boolean unique, List<Integer> columnIds) {
  public IndexDef {
    columnIds = List.copyOf(columnIds);
  }
}
