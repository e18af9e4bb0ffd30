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
 * catalog as this transaction changed it and the auto-increment counters it handed out.
 *
 * <p>It records what it read for the commit's conflict check ({@link #dependsOn}): every key it
 * looked up (found or not: an INSERT's duplicate check, a unique index entry) and, for every scan,
 * the key range the scan covered (up to the last key it returned, or the whole range once it ran
 * out), so a row inserted into a range it read, or an auto-increment id taken after it looked at
 * the table's last key, is a conflict. Not thread-safe (one per {@code exec}).
 */
final class WriteTx implements KvReader {
  private final ViewReader base;
  private final NavigableMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);
  private final List<byte[]> reads = new ArrayList<>();
  private final List<ReadRange> ranges = new ArrayList<>();
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

  /** The tx of the snapshot this transaction reads at. */
  long snapshotTxId() {
    return base.viewTxId();
  }

  /**
   * Whether this transaction depends on stored key {@code key}: it read it, or a range holding it.
   * (Its own writes are checked by the commit itself.)
   */
  java.util.function.Predicate<byte[]> dependsOn() {
    return new java.util.function.Predicate<>() {
      private java.util.TreeSet<byte[]> sorted;

      @Override
      public boolean test(byte[] key) {
        if (sorted == null) {
          sorted = new java.util.TreeSet<>(Arrays::compareUnsigned);
          sorted.addAll(reads);
        }
        if (sorted.contains(key)) {
          return true;
        }
        for (ReadRange r : ranges) {
          if (r.covers(key)) {
            return true;
          }
        }
        return false;
      }
    };
  }

  @Override
  public Kv get(byte[] key) {
    byte[] v = pending.get(key);
    if (v != null) {
      return new Kv(key, v, 0);
    }
    reads.add(key);
    return base.get(key);
  }

  @Override
  public Iterator<Kv> scan(byte[] prefix, byte[] lo, byte[] hi, boolean desc) {
    byte[] from = lo != null ? lo : prefix;
    byte[] to = hi != null ? hi : upperBound(prefix);
    ReadRange range = new ReadRange(from, to, desc);
    ranges.add(range);
    NavigableMap<byte[], byte[]> mine = pending.subMap(from, true, to, false);
    Iterator<Map.Entry<byte[], byte[]>> a =
        (desc ? mine.descendingMap() : mine).entrySet().iterator();
    Iterator<Kv> b = base.scan(prefix, lo, hi, desc);
    return new Iterator<>() {
      private Map.Entry<byte[], byte[]> na = a.hasNext() ? a.next() : null;
      private Kv nb = b.hasNext() ? b.next() : null;

      @Override
      public boolean hasNext() {
        if (na != null || nb != null) {
          return true;
        }
        range.done = true;
        return false;
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
        range.last = out.key();
        return out;
      }
    };
  }

  /** The part of a key range a scan looked at: up to its last key, or all of it once done. */
  private static final class ReadRange {
    private final byte[] lo;
    private final byte[] hi;
    private final boolean desc;
    byte[] last;
    boolean done;

    ReadRange(byte[] lo, byte[] hi, boolean desc) {
      this.lo = lo;
      this.hi = hi;
      this.desc = desc;
    }

    boolean covers(byte[] key) {
      if (Arrays.compareUnsigned(key, lo) < 0 || Arrays.compareUnsigned(key, hi) >= 0) {
        return false;
      }
      if (done) {
        return true;
      }
      if (last == null) {
        return false;
      }
      int c = Arrays.compareUnsigned(key, last);
      return desc ? c >= 0 : c <= 0;
    }
  }

  /** The smallest key greater than every key starting with {@code prefix}. */
  static byte[] upperBound(byte[] prefix) {
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
