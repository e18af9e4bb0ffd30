package io.immudb.sql.internal;

import io.immudb.sql.SqlType;
import java.util.List;

/**
 * The statements of immudb's SQL dialect, as parsed: a closed family of records, one per statement
 * kind, built by {@link AstBuilder} and run by {@link Executor}. Thread-safe (immutable).
 */
public sealed interface Stmt {
  /** Whether the statement changes the catalog (its tx goes into {@code ctxs}). */
  default boolean isDdl() {
    return this instanceof CreateTable
        || this instanceof CreateIndex
        || this instanceof AddColumn
        || this instanceof RenameColumn
        || this instanceof RenameTable
        || this instanceof DropTable;
  }

  record Begin() implements Stmt {}

  record Commit() implements Stmt {}

  record Rollback() implements Stmt {}

  record CreateDatabase(String name) implements Stmt {}

  record UseDatabase(String name) implements Stmt {}

  /** A column as declared in CREATE TABLE; {@code maxLen} 0 = no declared length. */
  record ColumnSpec(
      String name, SqlType type, int maxLen, boolean notNull, boolean autoIncrement) {}

  record CreateTable(
      String table, boolean ifNotExists, List<ColumnSpec> columns, List<String> primaryKey)
      implements Stmt {
    public CreateTable {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
    }
  }

  record CreateIndex(String table, boolean unique, boolean ifNotExists, List<String> columns)
      implements Stmt {
    public CreateIndex {
      columns = List.copyOf(columns);
    }
  }

  /** {@code DROP INDEX [IF EXISTS] ON t(cols)}: immudb's indexes are named by their columns. */
  record DropIndex(String table, boolean ifExists, List<String> columns) implements Stmt {
    public DropIndex {
      columns = List.copyOf(columns);
    }
  }

  record AddColumn(String table, ColumnSpec column) implements Stmt {}

  record RenameColumn(String table, String from, String to) implements Stmt {}

  record RenameTable(String from, String to) implements Stmt {}

  record DropTable(String table, boolean ifExists) implements Stmt {}

  record Insert(boolean upsert, String table, List<String> columns, List<List<Expr>> rows)
      implements Stmt {
    public Insert {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  record Assignment(String column, Expr value) {}

  record Update(String table, List<Assignment> assignments, Expr where) implements Stmt {
    public Update {
      assignments = List.copyOf(assignments);
    }
  }

  record Delete(String table, Expr where) implements Stmt {}

  /** One item of a select list; {@code expr} null = {@code *}. */
  record SelectItem(Expr expr, String alias) {}

  record OrderItem(Expr expr, boolean desc) {}

  /** A time-travel bound: {@code BEFORE | AFTER | SINCE | UNTIL TX n}. */
  record Period(PeriodKind kind, Expr tx) {}

  enum PeriodKind {
    BEFORE,
    AFTER,
    SINCE,
    UNTIL
  }

  /** FROM: a table (or {@code (HISTORY OF t)}), its alias, its time-travel bounds. */
  record TableSource(String table, String alias, boolean history, List<Period> periods) {
    public TableSource {
      periods = List.copyOf(periods);
    }

    public String name() {
      return alias != null ? alias : table;
    }
  }

  /**
   * A table joined to the ones before it in FROM: {@code [INNER | CROSS] JOIN} or a comma ({@code
   * left} false), or {@code LEFT [OUTER] JOIN} ({@code left} true); {@code on} may be null.
   */
  record Join(TableSource source, boolean left, Expr on) {}

  /** How a compound SELECT combines its parts: sets (duplicates removed) or UNION ALL. */
  enum SetOp {
    UNION,
    UNION_ALL,
    EXCEPT,
    INTERSECT
  }

  /** One {@code UNION | UNION ALL | EXCEPT | INTERSECT <select>} after the first SELECT. */
  record CompoundPart(SetOp op, Select select) {}

  /**
   * A SELECT; with {@code compounds}, the first part of a compound SELECT, whose ORDER BY, LIMIT
   * and OFFSET then apply to the combined rows (parts combine left to right).
   */
  record Select(
      boolean distinct,
      List<SelectItem> items,
      TableSource from,
      List<Join> joins,
      Expr where,
      List<Expr> groupBy,
      Expr having,
      List<OrderItem> orderBy,
      Expr limit,
      Expr offset,
      List<CompoundPart> compounds)
      implements Stmt {
    public Select {
      items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
      joins = List.copyOf(joins);
      compounds = List.copyOf(compounds);
      groupBy = List.copyOf(groupBy);
      orderBy = List.copyOf(orderBy);
    }
  }
}
