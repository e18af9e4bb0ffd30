package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE and CREATE INDEX over a {@link WriteTx}: each writes a new version of the table's
 * definition key (so the catalog's history is provable like any row); CREATE INDEX also writes the
 * entries of the rows already in the table, in the same tx. Not thread-safe.
 */
final class Ddl {
  private Ddl() {}

  static void createTable(WriteTx tx, Stmt.CreateTable s) {
    if (tx.catalog.has(s.table())) {
      if (s.ifNotExists()) {
        return;
      }
      throw SqlException.invalid("table already exists: " + s.table());
    }
    if (s.primaryKey().isEmpty()) {
      throw SqlException.invalid("table " + s.table() + " has no PRIMARY KEY");
    }
    List<ColumnDef> cols = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Stmt.ColumnSpec c : s.columns()) {
      if (!names.add(c.name())) {
        throw SqlException.invalid("column " + c.name() + " is declared twice");
      }
      if (c.maxLen() > 0 && !c.type().hasLength()) {
        throw SqlException.invalid(c.type() + " takes no length: column " + c.name());
      }
      cols.add(
          new ColumnDef(
              cols.size() + 1, c.name(), c.type(), c.maxLen(), c.notNull(), c.autoIncrement()));
    }
    if (cols.isEmpty()) {
      throw SqlException.invalid("table " + s.table() + " has no columns");
    }
    TableDef draft = new TableDef(tx.catalog.nextTableId(), s.table(), cols, List.of(), List.of());
    List<Integer> pk = new ArrayList<>();
    for (String name : s.primaryKey()) {
      ColumnDef c = draft.column(name);
      if (pk.contains(c.id())) {
        throw SqlException.invalid("column " + name + " is twice in the PRIMARY KEY");
      }
      pk.add(c.id());
    }
    for (ColumnDef c : cols) {
      if (c.autoIncrement()
          && (c.type() != SqlType.INTEGER || pk.size() != 1 || pk.get(0) != c.id())) {
        throw SqlException.invalid(
            "AUTO_INCREMENT is only for a single-column INTEGER PRIMARY KEY: column " + c.name());
      }
    }
    TableDef t = new TableDef(draft.id(), s.table(), cols, pk, List.of());
    tx.put(KeyCodec.tableKey(t.id()), CatalogCodec.encode(t));
    tx.catalog = tx.catalog.with(t);
    tx.ddl = true;
  }

  static void createIndex(WriteTx tx, Stmt.CreateIndex s, Evaluator ev) {
    TableDef t = tx.catalog.table(s.table());
    List<Integer> ids = new ArrayList<>();
    for (String name : s.columns()) {
      int id = t.column(name).id();
      if (ids.contains(id)) {
        throw SqlException.invalid("column " + name + " is twice in the index");
      }
      ids.add(id);
    }
    for (IndexDef i : t.indexes()) {
      if (i.columnIds().equals(ids)) {
        if (s.ifNotExists()) {
          return;
        }
        throw SqlException.invalid("index already exists on " + t.name() + s.columns());
      }
    }
    if (ids.equals(t.primaryKey())) {
      throw SqlException.invalid("the primary key of " + t.name() + " is already its index");
    }
    IndexDef idx = new IndexDef(t.lastIndexId() + 1, s.unique(), ids);
    TableDef withIdx = t.withIndex(idx);
    Scope scope = new Scope(t, t.name(), false);
    List<RowSource.Row> rows = new ArrayList<>();
    Iterator<RowSource.Row> it = RowSource.rows(tx, scope, null, ev, false, 0);
    it.forEachRemaining(rows::add);
    for (RowSource.Row r : rows) {
      IndexWrites.addEntry(tx, t, idx, r.key(), r.values());
    }
    tx.put(KeyCodec.tableKey(t.id()), CatalogCodec.encode(withIdx));
    tx.catalog = tx.catalog.with(withIdx);
    tx.ddl = true;
  }

  /**
   * DROP INDEX ON t(cols): a new version of the table definition without the index. Its entries
   * stay in the log (provable history, no longer read) and its id is never given again.
   */
  static void dropIndex(WriteTx tx, Stmt.DropIndex s) {
    TableDef t = tx.catalog.table(s.table());
    List<Integer> ids = new ArrayList<>();
    for (String name : s.columns()) {
      ids.add(t.column(name).id());
    }
    for (IndexDef i : t.indexes()) {
      if (i.columnIds().equals(ids)) {
        save(tx, t.withoutIndex(i));
        return;
      }
    }
    if (!s.ifExists()) {
      throw SqlException.invalid("index does not exist on " + t.name() + s.columns());
    }
  }

  /**
   * ALTER TABLE ADD COLUMN: a new column id after the others; existing rows read it as NULL, so it
   * may not be NOT NULL or AUTO_INCREMENT.
   */
  static void addColumn(WriteTx tx, Stmt.AddColumn s) {
    TableDef t = tx.catalog.table(s.table());
    Stmt.ColumnSpec c = s.column();
    if (t.columns().stream().anyMatch(x -> x.name().equals(c.name()))) {
      throw SqlException.invalid("column already exists: " + t.name() + "." + c.name());
    }
    if (c.notNull() || c.autoIncrement()) {
      throw SqlException.invalid(
          "an added column can't be NOT NULL or AUTO_INCREMENT: " + t.name() + "." + c.name());
    }
    if (c.maxLen() > 0 && !c.type().hasLength()) {
      throw SqlException.invalid(c.type() + " takes no length: column " + c.name());
    }
    int id = t.columns().stream().mapToInt(ColumnDef::id).max().orElse(0) + 1;
    List<ColumnDef> cols = new ArrayList<>(t.columns());
    cols.add(new ColumnDef(id, c.name(), c.type(), c.maxLen(), false, false));
    save(tx, new TableDef(t.id(), t.name(), cols, t.primaryKey(), t.indexes(), t.lastIndexId()));
  }

  /** ALTER TABLE RENAME COLUMN: rows store column ids, so none is rewritten. */
  static void renameColumn(WriteTx tx, Stmt.RenameColumn s) {
    TableDef t = tx.catalog.table(s.table());
    ColumnDef old = t.column(s.from());
    if (t.columns().stream().anyMatch(x -> x.name().equals(s.to()))) {
      throw SqlException.invalid("column already exists: " + t.name() + "." + s.to());
    }
    List<ColumnDef> cols = new ArrayList<>();
    for (ColumnDef c : t.columns()) {
      cols.add(
          c.id() != old.id()
              ? c
              : new ColumnDef(
                  c.id(), s.to(), c.type(), c.maxLen(), c.notNull(), c.autoIncrement()));
    }
    save(tx, new TableDef(t.id(), t.name(), cols, t.primaryKey(), t.indexes(), t.lastIndexId()));
  }

  /** ALTER TABLE RENAME TO: keys hold the table id, so no row is rewritten. */
  static void renameTable(WriteTx tx, Stmt.RenameTable s) {
    TableDef t = tx.catalog.table(s.from());
    if (tx.catalog.has(s.to())) {
      throw SqlException.invalid("table already exists: " + s.to());
    }
    save(
        tx,
        new TableDef(t.id(), s.to(), t.columns(), t.primaryKey(), t.indexes(), t.lastIndexId()));
  }

  /**
   * DROP TABLE: the definition becomes a tombstone version; rows and index entries stay in the log
   * as history (provable, no longer queryable by name), and the table id is never reused.
   */
  static void dropTable(WriteTx tx, Stmt.DropTable s) {
    if (!tx.catalog.has(s.table())) {
      if (s.ifExists()) {
        return;
      }
      throw SqlException.noTable(s.table());
    }
    TableDef t = tx.catalog.table(s.table());
    tx.put(KeyCodec.tableKey(t.id()), RowCodec.TOMBSTONE);
    tx.catalog = tx.catalog.without(t);
    tx.ddl = true;
  }

  private static void save(WriteTx tx, TableDef t) {
    tx.put(KeyCodec.tableKey(t.id()), CatalogCodec.encode(t));
    tx.catalog = tx.catalog.with(t);
    tx.ddl = true;
  }
}
