package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.TxEntry;
import io.immudb.embedded.internal.txlog.TxRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LRU cache of recently read transactions, each with its entry tree once an inclusion proof
 * needed it, bounded by an estimate of the bytes it holds. A verifiable read of an entry in a large
 * transaction needs the whole transaction and its tree; without the cache every such read would
 * re-decode the record and re-hash every entry.
 *
 * <p>Thread-safe: map operations hold the cache's lock briefly; records and trees are immutable and
 * built outside the lock (two threads may build the same tree; one wins).
 */
final class TxCache {
  /** Rough heap cost per entry of a cached record and its tree, beyond the key bytes. */
  private static final long ENTRY_OVERHEAD = 160;

  private final long maxBytes;
  private final LinkedHashMap<Long, Cached> map = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  TxCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A cached tx: its record and, once built, its tree. */
  static final class Cached {
    final TxRecord record;
    final long size;
    private volatile HTree tree;

    Cached(TxRecord record) {
      this.record = record;
      long s = 256;
      for (TxEntry e : record.entries()) {
        s += e.keyLength() + ENTRY_OVERHEAD;
      }
      this.size = s;
    }

    HTree tree() {
      HTree t = tree;
      if (t == null) {
        t = HTree.ofEntries(record.entries(), Sha256Hasher.create());
        tree = t;
      }
      return t;
    }
  }

  synchronized Cached get(long txId) {
    return map.get(txId);
  }

  /** Caches {@code c} unless it alone is larger than the cache; returns the cached instance. */
  Cached put(long txId, Cached c) {
    if (c.size > maxBytes) {
      return c;
    }
    synchronized (this) {
      Cached old = map.putIfAbsent(txId, c);
      if (old != null) {
        return old;
      }
      bytes += c.size;
      var it = map.entrySet().iterator();
      while (bytes > maxBytes && it.hasNext()) {
        Map.Entry<Long, Cached> e = it.next();
        bytes -= e.getValue().size;
        it.remove();
      }
      return c;
    }
  }
}
