package io.immudb.sql.internal;

import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the rows whose indexed columns equal fixed values through a secondary index (key layout in
 * {@link KeyCodec}, entries written by {@link IndexWrites}): a unique index is one {@code get} of
 * the entry then one of the row; a non-unique one is a scan of the entries sharing the values,
 * whose keys end with the primary key, so rows come in primary-key order. Entries and rows are read
 * through the same reader, hence as of the same tx. Not thread-safe.
 */
final class IndexLookup {
  private IndexLookup() {}

  static Iterator<KvReader.Kv> rows(
      KvReader reader, TableDef t, IndexDef idx, Map<Integer, SqlValue> fixed, boolean desc) {
    List<SqlValue> values = new ArrayList<>();
    for (int id : idx.columnIds()) {
      values.add(fixed.get(id));
    }
    byte[] prefix = KeyCodec.indexKey(t.id(), idx.id(), values, null);
    if (idx.unique()) {
      KvReader.Kv entry = reader.get(prefix);
      if (entry == null || RowCodec.isTombstone(entry.value())) {
        return Collections.emptyIterator();
      }
      byte[] v = entry.value();
      KvReader.Kv row = reader.get(Arrays.copyOfRange(v, 1, v.length));
      return row == null ? Collections.emptyIterator() : List.of(row).iterator();
    }
    byte[] rowPrefix = KeyCodec.rowPrefix(t.id());
    Iterator<KvReader.Kv> entries = reader.scan(prefix, desc);
    return new Iterator<>() {
      private KvReader.Kv next = advance();

      private KvReader.Kv advance() {
        while (entries.hasNext()) {
          KvReader.Kv e = entries.next();
          if (RowCodec.isTombstone(e.value())) {
            continue;
          }
          byte[] k = e.key();
          byte[] rowKey = Arrays.copyOf(rowPrefix, rowPrefix.length + k.length - prefix.length);
          System.arraycopy(k, prefix.length, rowKey, rowPrefix.length, k.length - prefix.length);
          KvReader.Kv row = reader.get(rowKey);
          if (row != null) {
            return row;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public KvReader.Kv next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        KvReader.Kv r = next;
        next = advance();
        return r;
      }
    };
  }
}
