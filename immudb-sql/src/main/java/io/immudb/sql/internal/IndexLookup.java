package io.immudb.sql.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the stored row versions an {@link AccessPath} selects: primary-key lookups ({@code get}s),
 * ranges of row keys, or ranges of a secondary index's entries (key layout in {@link KeyCodec},
 * entries written by {@link IndexWrites}) followed by a {@code get} of each entry's row: a unique
 * entry holds the row key in its value, a non-unique one ends its key with the primary key. Ranges
 * are read one after the other, lazily, so a reader that stops early reads no further. Entries and
 * rows are read through the same reader, hence as of the same tx. Not thread-safe.
 */
final class IndexLookup {
  private IndexLookup() {}

  static Iterator<KvReader.Kv> rows(KvReader reader, TableDef t, AccessPath path) {
    byte[] rowPrefix = KeyCodec.rowPrefix(t.id());
    IndexDef idx = path.index;
    byte[] scanPrefix = idx == null ? rowPrefix : KeyCodec.indexPrefix(t.id(), idx.id());
    Iterator<byte[][]> ranges = path.ranges.iterator();
    return new Iterator<>() {
      private Iterator<KvReader.Kv> current = Collections.emptyIterator();
      private KvReader.Kv next = advance();

      private KvReader.Kv advance() {
        while (true) {
          while (current.hasNext()) {
            KvReader.Kv e = current.next();
            if (idx == null) {
              return e;
            }
            if (RowCodec.isTombstone(e.value())) {
              continue;
            }
            KvReader.Kv row = reader.get(rowKey(e, rowPrefix, scanPrefix, t, idx));
            if (row != null) {
              return row;
            }
          }
          if (!ranges.hasNext()) {
            return null;
          }
          byte[][] r = ranges.next();
          if (path.points) {
            KvReader.Kv kv = reader.get(r[0]);
            current =
                kv == null ? Collections.emptyIterator() : Collections.singletonList(kv).iterator();
          } else {
            current = reader.scan(scanPrefix, r[0], r[1], path.desc);
          }
        }
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

  /** The row key an index entry points to. */
  private static byte[] rowKey(
      KvReader.Kv entry, byte[] rowPrefix, byte[] indexPrefix, TableDef t, IndexDef idx) {
    byte[] v = entry.value();
    if (idx.unique()) {
      return Arrays.copyOfRange(v, 1, v.length);
    }
    byte[] k = entry.key();
    int off = indexPrefix.length;
    for (int id : idx.columnIds()) {
      off = KeyCodec.skipValue(k, off, t.columns().get(t.position(id)).type());
    }
    byte[] rowKey = Arrays.copyOf(rowPrefix, rowPrefix.length + k.length - off);
    System.arraycopy(k, off, rowKey, rowPrefix.length, k.length - off);
    return rowKey;
  }
}
