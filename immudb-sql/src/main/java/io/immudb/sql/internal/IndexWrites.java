package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a row version and keeps the table's secondary indexes in step: the entry of the old values
 * is tombstoned and the entry of the new ones written. A unique index keys its entries by the
 * indexed values alone (value: {@code 0x01 ‖ row key}) and rejects a second live row with the same
 * values; an entry with a NULL value, and every entry of a non-unique index, also carries the
 * primary key, so NULLs never collide. Not thread-safe.
 */
final class IndexWrites {
  private static final byte[] LIVE = {1};

  private IndexWrites() {}

  /** Writes {@code row} (null = delete) at {@code rowKey}, whose live values were {@code old}. */
  static void write(WriteTx tx, TableDef t, byte[] rowKey, SqlValue[] old, SqlValue[] row) {
    for (IndexDef idx : t.indexes()) {
      byte[] oldKey = old == null ? null : entryKey(t, idx, old, pkSuffix(t, rowKey));
      byte[] newKey = row == null ? null : entryKey(t, idx, row, pkSuffix(t, rowKey));
      if (oldKey != null && !Arrays.equals(oldKey, newKey)) {
        tx.put(oldKey, RowCodec.TOMBSTONE);
      }
      if (newKey != null && !Arrays.equals(oldKey, newKey)) {
        addEntry(tx, t, idx, rowKey, row);
      }
    }
    tx.put(rowKey, row == null ? RowCodec.TOMBSTONE : RowCodec.encode(t, row));
  }

  /** Writes the entry of {@code row} (at {@code rowKey}) into {@code idx}; checks uniqueness. */
  static void addEntry(WriteTx tx, TableDef t, IndexDef idx, byte[] rowKey, SqlValue[] row) {
    byte[] key = entryKey(t, idx, row, pkSuffix(t, rowKey));
    if (idx.unique()) {
      KvReader.Kv kv = tx.get(key);
      if (kv != null && !RowCodec.isTombstone(kv.value())) {
        throw SqlException.invalid(
            "duplicate value in unique index of table " + t.name() + ": " + values(t, idx, row));
      }
    }
    tx.put(key, idx.unique() ? concat(LIVE, rowKey) : LIVE);
  }

  private static byte[] pkSuffix(TableDef t, byte[] rowKey) {
    return Arrays.copyOfRange(rowKey, KeyCodec.rowPrefix(t.id()).length, rowKey.length);
  }

  static byte[] entryKey(TableDef t, IndexDef idx, SqlValue[] row, byte[] pkSuffix) {
    List<SqlValue> vals = values(t, idx, row);
    boolean withPk = !idx.unique() || vals.stream().anyMatch(SqlValue::isNull);
    return KeyCodec.indexKey(t.id(), idx.id(), vals, withPk ? pkSuffix : null);
  }

  private static List<SqlValue> values(TableDef t, IndexDef idx, SqlValue[] row) {
    List<SqlValue> vals = new ArrayList<>(idx.columnIds().size());
    for (int id : idx.columnIds()) {
      vals.add(row[t.position(id)]);
    }
    return vals;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
