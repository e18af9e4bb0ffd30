package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * INSERT, UPSERT, UPDATE and DELETE over a {@link WriteTx}: each row write is a new version of the
 * row key (a tombstone for DELETE) plus the index entries it changes ({@link IndexWrites}). Not
 * thread-safe (one {@link WriteTx} per script).
 */
final class Dml {
  private Dml() {}

  static void insert(WriteTx tx, Stmt.Insert s, Evaluator ev) {
    TableDef t = tx.catalog.table(s.table());
    int[] slots = new int[s.columns().size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = t.position(t.column(s.columns().get(i)).id());
      for (int j = 0; j < i; j++) {
        if (slots[j] == slots[i]) {
          throw SqlException.invalid("column " + s.columns().get(i) + " is given twice");
        }
      }
    }
    ColumnDef auto = t.autoIncrementColumn();
    Long lastAuto = null;
    for (List<Expr> values : s.rows()) {
      if (values.size() != slots.length) {
        throw SqlException.invalid(
            values.size() + " values for " + slots.length + " columns in INSERT INTO " + t.name());
      }
      SqlValue[] row = new SqlValue[t.columns().size()];
      Arrays.fill(row, SqlValue.NULL);
      for (int i = 0; i < slots.length; i++) {
        row[slots[i]] = ev.eval(values.get(i), null, null);
      }
      if (auto != null) {
        int a = t.position(auto.id());
        if (row[a].isNull()) {
          long next = lastId(tx, t) + 1;
          row[a] = SqlValue.ofInteger(next);
          lastAuto = next;
        }
        if (row[a].type() == auto.type()) {
          tx.setLastId(t.id(), Math.max(lastId(tx, t), row[a].asLong()));
        }
      }
      for (int i = 0; i < row.length; i++) {
        row[i] = Values.coerce(t, t.columns().get(i), row[i]);
      }
      byte[] key = KeyCodec.rowKey(t.id(), pkValues(t, row));
      SqlValue[] old = liveRow(tx, t, key);
      if (old != null && !s.upsert()) {
        throw SqlException.invalid(
            "duplicate primary key in table " + t.name() + ": " + pkValues(t, row));
      }
      IndexWrites.write(tx, t, key, old, row);
      tx.updatedRows++;
    }
    if (lastAuto != null) {
      tx.lastInsertedPks.put(t.name(), lastAuto);
    }
    tx.dml = true;
  }

  static void update(WriteTx tx, Stmt.Update s, Evaluator ev, Scope scope) {
    TableDef t = scope.table();
    int[] slots = new int[s.assignments().size()];
    for (int i = 0; i < slots.length; i++) {
      ColumnDef c = t.column(s.assignments().get(i).column());
      if (t.primaryKey().contains(c.id())) {
        throw SqlException.invalid(
            "primary key column " + t.name() + "." + c.name() + " cannot be updated");
      }
      slots[i] = t.position(c.id());
    }
    for (RowSource.Row r : matching(tx, scope, s.where(), ev)) {
      SqlValue[] row = r.values().clone();
      for (int i = 0; i < slots.length; i++) {
        SqlValue v = ev.eval(s.assignments().get(i).value(), r.values(), null);
        row[slots[i]] = Values.coerce(t, t.columns().get(slots[i]), v);
      }
      IndexWrites.write(tx, t, r.key(), r.values(), row);
      tx.updatedRows++;
    }
    tx.dml = true;
  }

  static void delete(WriteTx tx, Stmt.Delete s, Evaluator ev, Scope scope) {
    for (RowSource.Row r : matching(tx, scope, s.where(), ev)) {
      IndexWrites.write(tx, scope.table(), r.key(), r.values(), null);
      tx.updatedRows++;
    }
    tx.dml = true;
  }

  /** The rows to change, read in full before the first write (the scan reads the pending map). */
  private static List<RowSource.Row> matching(WriteTx tx, Scope scope, Expr where, Evaluator ev) {
    TypeCheck.check(scope, where, ev.params());
    List<RowSource.Row> out = new ArrayList<>();
    Iterator<RowSource.Row> it = RowSource.rows(tx, scope, where, ev, false, 0);
    it.forEachRemaining(out::add);
    return out;
  }

  static List<SqlValue> pkValues(TableDef t, SqlValue[] row) {
    List<SqlValue> pk = new ArrayList<>(t.primaryKey().size());
    for (int id : t.primaryKey()) {
      pk.add(row[t.position(id)]);
    }
    return pk;
  }

  static SqlValue[] liveRow(WriteTx tx, TableDef t, byte[] key) {
    KvReader.Kv kv = tx.get(key);
    return kv == null || RowCodec.isTombstone(kv.value()) ? null : RowCodec.decode(t, kv.value());
  }

  /**
   * The largest auto-increment value used so far: the transaction's own, else the primary key of
   * the table's last row key, deleted or not (ids are never reused).
   */
  private static long lastId(WriteTx tx, TableDef t) {
    Long mine = tx.lastId(t.id());
    if (mine != null) {
      return mine;
    }
    byte[] prefix = KeyCodec.rowPrefix(t.id());
    Iterator<KvReader.Kv> it = tx.scan(prefix, true);
    long last = 0;
    if (it.hasNext()) {
      byte[] k = it.next().key();
      // the key goes on with 0x01 (not NULL) and the u64 with its sign bit flipped
      last = ByteBuffer.wrap(k, prefix.length + 1, 8).getLong() ^ Long.MIN_VALUE;
    }
    tx.setLastId(t.id(), last);
    return last;
  }
}
