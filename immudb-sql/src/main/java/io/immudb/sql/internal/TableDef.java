package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table in the catalog: id (1, 2, … in creation order), name, columns in declaration order, the
 * primary key (column ids, in key order), the secondary indexes and the largest index id ever given
 * (index ids are never reused: a dropped index's entries stay in the log). Thread-safe (immutable).
 */
public record TableDef(
    int id,
    String name,
    List<ColumnDef> columns,
    List<Integer> primaryKey,
    List<IndexDef> indexes,
    int lastIndexId) {
  public TableDef {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
    for (IndexDef i : indexes) {
      lastIndexId = Math.max(lastIndexId, i.id());
    }
  }

  /** A table whose index ids were never dropped. */
  public TableDef(
      int id,
      String name,
      List<ColumnDef> columns,
      List<Integer> primaryKey,
      List<IndexDef> indexes) {
    this(id, name, columns, primaryKey, indexes, 0);
  }

  /** The column named {@code name}, or {@link SqlException} naming table and column. */
  public ColumnDef column(String name) {
    for (ColumnDef c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw SqlException.invalid("column does not exist: " + this.name + "." + name);
  }

  /** The position (0-based) of column {@code id} in {@link #columns()}. */
  public int position(int columnId) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).id() == columnId) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column id " + columnId + " in " + name);
  }

  /** The primary-key columns, in key order. */
  public List<ColumnDef> primaryKeyColumns() {
    List<ColumnDef> out = new ArrayList<>();
    for (int id : primaryKey) {
      out.add(columns.get(position(id)));
    }
    return out;
  }

  /** The auto-increment column, or null (only a single-column INTEGER primary key may be one). */
  public ColumnDef autoIncrementColumn() {
    for (ColumnDef c : columns) {
      if (c.autoIncrement()) {
        return c;
      }
    }
    return null;
  }

  /** A copy with {@code index} added. */
  public TableDef withIndex(IndexDef index) {
    List<IndexDef> all = new ArrayList<>(indexes);
    all.add(index);
    return new TableDef(id, name, columns, primaryKey, all, lastIndexId);
  }

  /** A copy without {@code index} (its id stays taken). */
  public TableDef withoutIndex(IndexDef index) {
    List<IndexDef> all = new ArrayList<>(indexes);
    all.remove(index);
    return new TableDef(id, name, columns, primaryKey, all, lastIndexId);
  }
}
