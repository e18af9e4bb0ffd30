package io.immudb.embedded.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The queries of an {@link IndexSnapshot}, run against one RocksDB snapshot. Arguments are already
 * validated and the snapshot is held by the caller.
 *
 * <p>Thread-safe: it keeps no mutable state; every range query opens and closes its own iterator.
 * Point gets reuse the snapshot's read options and allocate no native objects.
 */
final class SnapshotReader {
  private final IndexDb db;
  private final ReadOptions ro;
  private final long txId;

  SnapshotReader(IndexDb db, ReadOptions ro, long txId) {
    this.db = db;
    this.ro = ro;
    this.txId = txId;
  }

  Optional<EntryRef> get(byte[] k) {
    byte[] v;
    try {
      v = db.db.get(db.latest, ro, k);
    } catch (RocksDBException e) {
      throw IndexDb.failure("get", e);
    }
    return v == null ? Optional.empty() : Optional.of(EntryRefCodec.decode(v));
  }

  /** Requires {@code maxTx >= 0}. */
  Optional<EntryRef> getAt(byte[] k, long maxTx) {
    if (maxTx >= txId) {
      return get(k);
    }
    byte[] g = HistoryKeyCodec.group(k);
    try (RocksIterator it = db.db.newIterator(db.history, ro)) {
      it.seekForPrev(HistoryKeyCodec.versionKeyOfGroup(g, maxTx));
      if (IndexDb.valid(it) && HistoryKeyCodec.inGroup(it.key(), g)) {
        return Optional.of(EntryRefCodec.decode(it.value()));
      }
      return Optional.empty();
    }
  }

  long versionCount(byte[] k) {
    byte[] g = HistoryKeyCodec.group(k);
    long n = 0;
    try (RocksIterator it = db.db.newIterator(db.history, ro)) {
      for (it.seek(g); IndexDb.valid(it) && HistoryKeyCodec.inGroup(it.key(), g); it.next()) {
        n++;
      }
    }
    return n;
  }

  /** Requires {@code offset >= 0}, {@code limit >= 1}. */
  List<EntryRef> history(byte[] k, long offset, int limit, boolean desc) {
    byte[] g = HistoryKeyCodec.group(k);
    List<EntryRef> out = new ArrayList<>(Math.min(limit, 64));
    try (RocksIterator it = db.db.newIterator(db.history, ro)) {
      if (desc) {
        it.seekForPrev(HistoryKeyCodec.endOfGroup(g));
      } else {
        it.seek(g);
      }
      long skipped = 0;
      while (out.size() < limit && IndexDb.valid(it) && HistoryKeyCodec.inGroup(it.key(), g)) {
        if (skipped < offset) {
          skipped++;
        } else {
          out.add(EntryRefCodec.decode(it.value()));
        }
        if (desc) {
          it.prev();
        } else {
          it.next();
        }
      }
    }
    return out;
  }

  /** Requires {@code 1 <= viewTx <= txId}, or {@code viewTx == txId == 0}. */
  List<KeyVersion> scan(ScanSpec spec, long viewTx) {
    byte[] prefix = spec.prefix();
    byte[] seek = spec.seekKey();
    byte[] end = spec.endKey();
    int limit = spec.limit();
    List<KeyVersion> out = new ArrayList<>(Math.min(limit, 64));
    try (KeyCursor c = cursor(viewTx)) {
      if (!spec.desc()) {
        if (seek != null && Arrays.compareUnsigned(seek, prefix) >= 0) {
          if (spec.inclusiveSeek()) {
            c.seekCeiling(seek);
          } else {
            c.seekHigher(seek);
          }
        } else {
          c.seekCeiling(prefix);
        }
      } else {
        byte[] prefixEnd = prefixEnd(prefix);
        if (seek != null && (prefixEnd == null || Arrays.compareUnsigned(seek, prefixEnd) < 0)) {
          if (spec.inclusiveSeek()) {
            c.seekFloor(seek);
          } else {
            c.seekLower(seek);
          }
        } else if (prefixEnd != null) {
          c.seekLower(prefixEnd);
        } else {
          c.seekLast();
        }
      }
      while (c.isValid()) {
        byte[] k = c.key();
        if (!startsWith(k, prefix) || pastEnd(k, end, spec.inclusiveEnd(), spec.desc())) {
          break;
        }
        out.add(new KeyVersion(k, c.ref()));
        if (out.size() == limit) {
          break;
        }
        if (spec.desc()) {
          c.prev();
        } else {
          c.next();
        }
      }
    }
    return out;
  }

  /** Requires {@code 1 <= viewTx <= txId}, or {@code viewTx == txId == 0}. */
  long count(byte[] prefix, long viewTx) {
    long n = 0;
    try (KeyCursor c = cursor(viewTx)) {
      for (c.seekCeiling(prefix); c.isValid() && startsWith(c.key(), prefix); c.next()) {
        n++;
      }
    }
    return n;
  }

  private KeyCursor cursor(long viewTx) {
    return viewTx >= txId ? new LatestCursor(db, ro) : new HistoryCursor(db, ro, viewTx);
  }

  private static boolean pastEnd(byte[] k, byte[] end, boolean inclusive, boolean desc) {
    if (end == null) {
      return false;
    }
    int cmp = Arrays.compareUnsigned(k, end);
    if (desc) {
      cmp = -cmp;
    }
    return cmp > 0 || (cmp == 0 && !inclusive);
  }

  private static boolean startsWith(byte[] k, byte[] prefix) {
    return k.length >= prefix.length
        && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
  }

  /**
   * Returns the smallest key greater than every key starting with {@code p}, or null if there is
   * none ({@code p} empty or all {@code FF}): drop trailing {@code FF}s, then add one to the last
   * byte.
   */
  static byte[] prefixEnd(byte[] p) {
    int n = p.length;
    while (n > 0 && p[n - 1] == (byte) 0xFF) {
      n--;
    }
    if (n == 0) {
      return null;
    }
    byte[] out = Arrays.copyOf(p, n);
    out[n - 1]++;
    return out;
  }
}
