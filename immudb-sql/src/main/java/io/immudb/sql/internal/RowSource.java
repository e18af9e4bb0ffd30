package io.immudb.sql.internal;

import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
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
   * after tx {@code minTx}, and for which {@code where} (may be null) is TRUE, in primary-key order
   * (reversed if {@code desc}).
   */
  static Iterator<Row> rows(
      KvReader reader, Scope scope, Expr where, Evaluator ev, boolean desc, long minTx) {
    AccessPath path = AccessPath.choose(scope.table(), scope.name(), where, ev, List.of(), desc);
    return rows(reader, scope, where, ev, path, minTx);
  }

  /** As above, reading through {@code path} ({@link AccessPath#choose}). */
  static Iterator<Row> rows(
      KvReader reader, Scope scope, Expr where, Evaluator ev, AccessPath path, long minTx) {
    TableDef t = scope.table();
    Iterator<KvReader.Kv> read = IndexLookup.rows(reader, t, path);
    if (path.sortByKey) {
      List<KvReader.Kv> all = new ArrayList<>();
      read.forEachRemaining(all::add);
      Comparator<KvReader.Kv> byKey = (a, b) -> Arrays.compareUnsigned(a.key(), b.key());
      all.sort(path.desc ? byKey.reversed() : byKey);
      read = all.iterator();
    }
    Iterator<KvReader.Kv> kvs = read;
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
   * "index <id>"} (every column of an index fixed), {@code "primary key range"}, {@code "index <id>
   * range"}, {@code "… in"} (an IN list), {@code "… prefix"} or {@code "scan"} (the whole table).
   */
  static String plan(TableDef t, Expr where, Evaluator ev) {
    return AccessPath.choose(t, t.name(), where, ev, List.of(), false).plan;
  }
}
