package io.immudb.sql.internal;

import io.immudb.core.kv.StoredKeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The writes of one SQL transaction in progress, over the snapshot it started from: reads see the
 * snapshot plus its own writes; {@link #entries()} is what gets committed as one tx. Also holds the
 * catalog as this transaction changed it and the auto-increment counters it handed out. Not
 * thread-safe (one per {@code exec}, under the engine's write lock).
 */
final class WriteTx implements KvReader {
  private final ViewReader base;
  private final NavigableMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);
  private final Map<Integer, Long> lastIds = new java.util.HashMap<>();
  Catalog catalog;
  boolean ddl;
  boolean dml;
  long updatedRows;
  final Map<String, Long> lastInsertedPks = new java.util.HashMap<>();

  WriteTx(ViewReader base, Catalog catalog) {
    this.base = base;
    this.catalog = catalog;
  }

  void put(byte[] key, byte[] value) {
    pending.put(key, value);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  int size() {
    return pending.size();
  }

  /** The pending writes, in key order. */
  List<StoredKeyValue> entries() {
    List<StoredKeyValue> out = new ArrayList<>(pending.size());
    pending.forEach((k, v) -> out.add(new StoredKeyValue(k, v)));
    return out;
  }

  /** The last auto-increment value of table {@code tableId} handed out, or null. */
  Long lastId(int tableId) {
    return lastIds.get(tableId);
  }

  void setLastId(int tableId, long id) {
    lastIds.put(tableId, id);
  }

  @Override
  public Kv get(byte[] key) {
    byte[] v = pending.get(key);
    return v != null ? new Kv(key, v, 0) : base.get(key);
  }

  @Override
  public Iterator<Kv> scan(byte[] prefix, boolean desc) {
    NavigableMap<byte[], byte[]> mine = pending.subMap(prefix, true, upperBound(prefix), false);
    Iterator<Map.Entry<byte[], byte[]>> a =
        (desc ? mine.descendingMap() : mine).entrySet().iterator();
    Iterator<Kv> b = base.scan(prefix, desc);
    return new Iterator<>() {
      private Map.Entry<byte[], byte[]> na = a.hasNext() ? a.next() : null;
      private Kv nb = b.hasNext() ? b.next() : null;

      @Override
      public boolean hasNext() {
        return na != null || nb != null;
      }

      @Override
      public Kv next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int c;
        if (na == null) {
          c = 1;
        } else if (nb == null) {
          c = -1;
        } else {
          c = Arrays.compareUnsigned(na.getKey(), nb.key()) * (desc ? -1 : 1);
        }
        Kv out;
        if (c <= 0) {
          out = new Kv(na.getKey(), na.getValue(), 0);
          na = a.hasNext() ? a.next() : null;
          if (c == 0) {
            nb = b.hasNext() ? b.next() : null;
          }
        } else {
          out = nb;
          nb = b.hasNext() ? b.next() : null;
        }
        return out;
      }
    };
  }

  /** The smallest key greater than every key starting with {@code prefix}. */
  private static byte[] upperBound(byte[] prefix) {
    byte[] up = prefix.clone();
    for (int i = up.length - 1; i >= 0; i--) {
      if (up[i] != (byte) 0xFF) {
        up[i]++;
        return Arrays.copyOf(up, i + 1);
      }
    }
    return new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
  }
}
