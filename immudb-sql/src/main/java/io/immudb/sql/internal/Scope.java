package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;

/**
 * What column names mean in one statement: the table, the name it goes by (its alias, if any), and
 * for {@code HISTORY OF} the extra column {@code _tx} (the tx that wrote the version), which sits
 * after the table's columns in a row array. Thread-safe (immutable).
 */
record Scope(TableDef table, String name, boolean history) {
  /** The pseudo-column of {@code HISTORY OF} rows: the tx id of the row version. */
  static final String TX_COLUMN = "_tx";

  /** Slots in a row array: the table's columns, plus {@code _tx} for history. */
  int width() {
    return table.columns().size() + (history ? 1 : 0);
  }

  /** The row-array slot of {@code ref}, or {@link SqlException} naming the column. */
  int slot(Expr.Column ref) {
    if (ref.table() != null && !ref.table().equals(name) && !ref.table().equals(table.name())) {
      throw SqlException.invalid(
          "column "
              + ref.table()
              + "."
              + ref.column()
              + ": table "
              + ref.table()
              + " is not in the FROM clause");
    }
    if (history && ref.column().equals(TX_COLUMN)) {
      return table.columns().size();
    }
    return table.position(table.column(ref.column()).id());
  }

  SqlType type(int slot) {
    return slot == table.columns().size() ? SqlType.INTEGER : table.columns().get(slot).type();
  }

  String columnName(int slot) {
    return slot == table.columns().size() ? TX_COLUMN : table.columns().get(slot).name();
  }
}
