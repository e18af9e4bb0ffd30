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
    byte[] point = pointKey(t, where, ev);
    Iterator<KvReader.Kv> kvs;
    if (point != null) {
      KvReader.Kv kv = reader.get(point);
      kvs = kv == null ? List.<KvReader.Kv>of().iterator() : List.of(kv).iterator();
    } else {
      kvs = reader.scan(KeyCodec.rowPrefix(t.id()), desc);
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
   * The row key fixed by {@code where}, or null: when every primary-key column is compared with
   * {@code =} to a literal or parameter in a conjunct of {@code where}.
   */
  static byte[] pointKey(TableDef t, Expr where, Evaluator ev) {
    if (where == null) {
      return null;
    }
    Map<Integer, SqlValue> fixed = new java.util.HashMap<>();
    collect(t, where, ev, fixed);
    List<SqlValue> pk = new ArrayList<>();
    for (ColumnDef c : t.primaryKeyColumns()) {
      SqlValue v = fixed.get(c.id());
      if (v == null || v.isNull() || v.type() != c.type()) {
        return null;
      }
      pk.add(v);
    }
    return KeyCodec.rowKey(t.id(), pk);
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
