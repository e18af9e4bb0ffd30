package io.immudb.sql.internal;

import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of a table as one statement sees them: live row versions (tombstones skipped) in
 * primary-key order, optionally reversed, filtered by WHERE. When WHERE fixes every primary-key
 * column with {@code =} (under AND), the rows come from one point lookup instead of a scan. Streams
 * rows from the reader. Not thread-safe.
 */
final class RowSource {
  /** A row and the tx that wrote its version (0 = written by the transaction in progress). */
  record Row(byte[] key, SqlValue[] values, long txId) {}

  private RowSource() {}

  /**
   * The rows of {@code scope}'s table visible to {@code reader} whose version was written at or
   * after tx {@code minTx}, and for which {@code where} (may be null) is TRUE.
   */
  static Iterator<Row> rows(
      KvReader reader, Scope scope, Expr where, Evaluator ev, boolean desc, long minTx) {
    TableDef t = scope.table();
    Map<Integer, SqlValue> fixed = fixedColumns(t, where, ev);
    byte[] point = pointKey(t, fixed);
    Iterator<KvReader.Kv> kvs;
    if (point != null) {
      KvReader.Kv kv = reader.get(point);
      kvs = kv == null ? List.<KvReader.Kv>of().iterator() : List.of(kv).iterator();
    } else {
      IndexDef idx = usableIndex(t, fixed);
      kvs =
          idx != null
              ? IndexLookup.rows(reader, t, idx, fixed, desc)
              : reader.scan(KeyCodec.rowPrefix(t.id()), desc);
    }
    return new Iterator<>() {
      private Row next = advance();

      private Row advance() {
        while (kvs.hasNext()) {
          KvReader.Kv kv = kvs.next();
          if (RowCodec.isTombstone(kv.value()) || (kv.txId() != 0 && kv.txId() < minTx)) {
            continue;
          }
          SqlValue[] row = RowCodec.decode(t, kv.value());
          if (where == null || Evaluator.isTrue(ev.eval(where, row, null))) {
            return new Row(kv.key(), row, kv.txId());
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = advance();
        return r;
      }
    };
  }

  /**
   * How {@link #rows} reads {@code t} for {@code where}: {@code "primary key"} (one key), {@code
   * "index <id>"} (an index lookup) or {@code "scan"} (the whole key range).
   */
  static String plan(TableDef t, Expr where, Evaluator ev) {
    Map<Integer, SqlValue> fixed = fixedColumns(t, where, ev);
    if (pointKey(t, fixed) != null) {
      return "primary key";
    }
    IndexDef idx = usableIndex(t, fixed);
    return idx != null ? "index " + idx.id() : "scan";
  }

  /**
   * The columns {@code where} fixes: compared with {@code =} to a literal or parameter in a
   * conjunct (under AND only), with values of the column's type.
   */
  static Map<Integer, SqlValue> fixedColumns(TableDef t, Expr where, Evaluator ev) {
    Map<Integer, SqlValue> fixed = new java.util.HashMap<>();
    if (where != null) {
      collect(t, where, ev, fixed);
    }
    fixed
        .entrySet()
        .removeIf(
            e ->
                e.getValue().isNull()
                    || e.getValue().type() != t.columns().get(t.position(e.getKey())).type());
    return fixed;
  }

  /** The row key when every primary-key column is fixed, else null. */
  private static byte[] pointKey(TableDef t, Map<Integer, SqlValue> fixed) {
    List<SqlValue> pk = new ArrayList<>();
    for (int id : t.primaryKey()) {
      SqlValue v = fixed.get(id);
      if (v == null) {
        return null;
      }
      pk.add(v);
    }
    return KeyCodec.rowKey(t.id(), pk);
  }

  /** The first index all of whose columns are fixed (unique ones first), or null. */
  private static IndexDef usableIndex(TableDef t, Map<Integer, SqlValue> fixed) {
    IndexDef best = null;
    for (IndexDef idx : t.indexes()) {
      if (fixed.keySet().containsAll(idx.columnIds())
          && (best == null || idx.unique() && !best.unique())) {
        best = idx;
      }
    }
    return best;
  }

  private static void collect(TableDef t, Expr e, Evaluator ev, Map<Integer, SqlValue> fixed) {
    if (!(e instanceof Expr.Binary b)) {
      return;
    }
    if (b.op() == Expr.Op.AND) {
      collect(t, b.left(), ev, fixed);
      collect(t, b.right(), ev, fixed);
    } else if (b.op() == Expr.Op.EQ) {
      Expr col = b.left() instanceof Expr.Column ? b.left() : b.right();
      Expr val = col == b.left() ? b.right() : b.left();
      if (col instanceof Expr.Column c
          && (val instanceof Expr.Literal || val instanceof Expr.Param)) {
        for (ColumnDef d : t.columns()) {
          if (d.name().equals(c.column())) {
            fixed.put(d.id(), ev.eval(val, null, null));
          }
        }
      }
    }
  }
}
