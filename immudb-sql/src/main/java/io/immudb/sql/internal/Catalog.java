package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the SQL database, in creation order: an immutable value, replaced as a whole after
 * each DDL commit (readers keep the one they started with). Thread-safe (immutable).
 */
public final class Catalog {
  private final Map<String, TableDef> byName;
  private final int maxId; // the largest table id ever given, dropped tables included

  Catalog(List<TableDef> tables) {
    this(tables, 0);
  }

  Catalog(List<TableDef> tables, int maxIdEver) {
    Map<String, TableDef> m = new LinkedHashMap<>();
    List<TableDef> sorted = new ArrayList<>(tables);
    sorted.sort((a, b) -> Integer.compare(a.id(), b.id()));
    for (TableDef t : sorted) {
      m.put(t.name(), t);
    }
    this.byName = Collections.unmodifiableMap(m);
    int max = maxIdEver;
    for (TableDef t : tables) {
      max = Math.max(max, t.id());
    }
    this.maxId = max;
  }

  /** The empty catalog. */
  static Catalog empty() {
    return new Catalog(List.of());
  }

  /** The tables, in creation order. */
  public List<TableDef> tables() {
    return List.copyOf(byName.values());
  }

  /** The table named {@code name}, or {@link SqlException} {@code table does not exist}. */
  public TableDef table(String name) {
    TableDef t = byName.get(name);
    if (t == null) {
      throw SqlException.noTable(name);
    }
    return t;
  }

  boolean has(String name) {
    return byName.containsKey(name);
  }

  /** The id the next new table gets: ids of dropped tables are never reused. */
  int nextTableId() {
    return maxId + 1;
  }

  /** A copy with {@code table} added or replaced (by id: a renamed table replaces its old name). */
  Catalog with(TableDef table) {
    List<TableDef> all = new ArrayList<>();
    for (TableDef t : byName.values()) {
      if (t.id() != table.id()) {
        all.add(t);
      }
    }
    all.add(table);
    return new Catalog(all, maxId);
  }

  /** A copy without {@code table}. */
  Catalog without(TableDef table) {
    List<TableDef> all = new ArrayList<>();
    for (TableDef t : byName.values()) {
      if (t.id() != table.id()) {
        all.add(t);
      }
    }
    return new Catalog(all, maxId);
  }
}
