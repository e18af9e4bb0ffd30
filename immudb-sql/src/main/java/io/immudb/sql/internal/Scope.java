package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import java.util.List;

/**
 * What column names mean in one SELECT (or one UPDATE / DELETE): the tables of its FROM clause,
 * each under the name it goes by (its alias, if any), and, for a subquery, the scope of the query
 * around it (correlated references). A row array holds the columns of every table in FROM order
 * ({@code HISTORY OF} adds the pseudo-column {@code _tx}, the tx that wrote the version, after its
 * table's columns), then the row of the outer scope:
 *
 * <pre>
 *   [ t1 cols | t2 cols | … | outer row ]
 *   0         t1.width      width() - outer.width()
 * </pre>
 *
 * Not thread-safe: one per execution of a query, because it records whether a column was found in
 * the outer query ({@link #outerUsed()}), which tells a subquery that runs the same for every outer
 * row (its result can be reused) from a correlated one.
 */
final class Scope {
  /** The pseudo-column of {@code HISTORY OF} rows: the tx id of the row version. */
  static final String TX_COLUMN = "_tx";

  /** One table of FROM: its definition, the name it goes by, whether it is {@code HISTORY OF}. */
  record Binding(TableDef table, String name, boolean history) {
    int width() {
      return table.columns().size() + (history ? 1 : 0);
    }
  }

  private final List<Binding> bindings;
  private final int[] offsets;
  private final int ownWidth;
  private final Scope outer;
  private boolean outerUsed;

  Scope(List<Binding> bindings, Scope outer) {
    if (bindings.isEmpty()) {
      throw new IllegalArgumentException("a scope needs a table");
    }
    this.bindings = List.copyOf(bindings);
    this.outer = outer;
    this.offsets = new int[bindings.size()];
    int w = 0;
    for (int i = 0; i < bindings.size(); i++) {
      offsets[i] = w;
      w += bindings.get(i).width();
    }
    this.ownWidth = w;
  }

  /** The scope of a single table, with no outer query. */
  Scope(TableDef table, String name, boolean history) {
    this(List.of(new Binding(table, name, history)), null);
  }

  List<Binding> bindings() {
    return bindings;
  }

  /** The first slot of binding {@code i}. */
  int offset(int i) {
    return offsets[i];
  }

  /** Whether some column of this query was found in the outer query (a correlated subquery). */
  boolean outerUsed() {
    return outerUsed;
  }

  Scope outer() {
    return outer;
  }

  /** The first table of FROM. */
  TableDef table() {
    return bindings.get(0).table();
  }

  /** The name the first table goes by. */
  String name() {
    return bindings.get(0).name();
  }

  boolean history() {
    return bindings.get(0).history();
  }

  /** Whether this is one table with no outer query (the case indexes and lookups serve). */
  boolean single() {
    return bindings.size() == 1 && outer == null;
  }

  /** The slots of the tables of this query, without the outer row. */
  int ownWidth() {
    return ownWidth;
  }

  /** Slots in a row array: every table's columns, then the outer row. */
  int width() {
    return ownWidth + (outer == null ? 0 : outer.width());
  }

  /** The binding that {@code ref} names, or -1 if it is a column of the outer query. */
  int bindingOf(Expr.Column ref) {
    int s = slot(ref);
    if (s >= ownWidth) {
      return -1;
    }
    int i = bindings.size() - 1;
    while (offsets[i] > s) {
      i--;
    }
    return i;
  }

  /** The row-array slot of {@code ref}, or {@link SqlException} naming the column. */
  int slot(Expr.Column ref) {
    int found = find(ref, false);
    if (found >= 0) {
      return found;
    }
    if (outer != null) {
      try {
        int at = ownWidth + outer.slot(ref);
        outerUsed = true;
        return at;
      } catch (SqlException e) {
        // not the outer query's either: report it in this scope's terms
      }
    }
    // an aliased table still answers to its own name when nothing else does
    found = find(ref, true);
    if (found >= 0) {
      return found;
    }
    if (ref.table() != null
        && bindings.stream()
            .noneMatch(x -> ref.table().equals(x.name()) || ref.table().equals(x.table().name()))) {
      throw SqlException.invalid(
          "column "
              + ref.table()
              + "."
              + ref.column()
              + ": table "
              + ref.table()
              + " is not in the FROM clause");
    }
    Binding b = bindings.get(0);
    for (Binding x : bindings) {
      if (ref.table() != null
          && (ref.table().equals(x.name()) || ref.table().equals(x.table().name()))) {
        b = x;
      }
    }
    b.table().column(ref.column()); // throws the catalog's text for an unknown column
    throw SqlException.invalid("column does not exist: " + ref.column());
  }

  private int find(Expr.Column ref, boolean byTableName) {
    int found = -1;
    for (int i = 0; i < bindings.size(); i++) {
      Binding b = bindings.get(i);
      if (ref.table() != null && !ref.table().equals(byTableName ? b.table().name() : b.name())) {
        continue;
      }
      int at = column(b, ref.column());
      if (at < 0) {
        continue;
      }
      if (found >= 0) {
        throw SqlException.invalid("column reference " + ref.column() + " is ambiguous");
      }
      found = offsets[i] + at;
    }
    return found;
  }

  private static int column(Binding b, String name) {
    if (b.history() && name.equals(TX_COLUMN)) {
      return b.table().columns().size();
    }
    for (int i = 0; i < b.table().columns().size(); i++) {
      if (b.table().columns().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private int bindingAt(int slot) {
    int i = bindings.size() - 1;
    while (offsets[i] > slot) {
      i--;
    }
    return i;
  }

  SqlType type(int slot) {
    if (slot >= ownWidth) {
      return outer.type(slot - ownWidth);
    }
    Binding b = bindings.get(bindingAt(slot));
    int at = slot - offsets[bindingAt(slot)];
    return at == b.table().columns().size() ? SqlType.INTEGER : b.table().columns().get(at).type();
  }

  String columnName(int slot) {
    if (slot >= ownWidth) {
      return outer.columnName(slot - ownWidth);
    }
    Binding b = bindings.get(bindingAt(slot));
    int at = slot - offsets[bindingAt(slot)];
    return at == b.table().columns().size() ? TX_COLUMN : b.table().columns().get(at).name();
  }

  /** The name of the table that slot {@code slot} belongs to. */
  String tableName(int slot) {
    if (slot >= ownWidth) {
      return outer.tableName(slot - ownWidth);
    }
    return bindings.get(bindingAt(slot)).name();
  }
}
