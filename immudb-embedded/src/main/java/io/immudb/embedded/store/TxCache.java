package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.InclusionProof;
import io.immudb.core.tx.TxEntry;
import io.immudb.embedded.internal.settings.ByteCountProperty;
import io.immudb.embedded.internal.txlog.TxRecord;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caches (CLOCK, close to LRU) of recently read transactions and of their entry trees, bounded by
 * an estimate of the bytes they hold. A verifiable read of an entry in a large transaction needs
 * the whole transaction (it goes on the wire) and an inclusion proof; without the caches every such
 * read would re-decode the record and re-hash every entry.
 *
 * <p>The two are kept apart because they differ in size by an order of magnitude: a tree is cached
 * {@linkplain HTree#trimmed trimmed} to its levels from {@link #TREE_BASE} up (8 bytes an entry for
 * a large transaction, against about 160 for the decoded record), in an eighth of the budget, so
 * the trees of far more transactions stay cached than their records. A proof from a trimmed tree
 * re-hashes at most {@code 2^TREE_BASE} entries next to the leaf instead of all of them.
 *
 * <p>A {@code TxCache} is one store's view of a {@link Pool}: either the pool every store of the
 * process shares ({@link #shared()}, sized by {@link #SHARED_BYTES_PROPERTY}), so that memory is
 * bounded once per process however many databases are open and a busy database may use what idle
 * ones don't, or a pool of its own ({@link #TxCache(long)}). {@link #close()} drops the store's
 * transactions from the pool.
 *
 * <p>Thread-safe: lookups take no lock, insertions and evictions hold the pool's lock briefly;
 * records and trees are immutable and built outside the lock (two threads may build the same one;
 * one wins).
 */
final class TxCache implements AutoCloseable {
  /**
   * System property: bytes (estimated) of the pool that every store of the process shares, unless
   * its options give it one of its own ({@link StoreOptions#txCacheBytes()}).
   */
  static final String SHARED_BYTES_PROPERTY = "immudb.txCacheBytes";

  /**
   * Heap cost per entry of a cached record beyond the key bytes (64-bit JVM, compressed oops): the
   * {@code TxEntry} (24), the key array's header and padding (≤ 24), the {@code hValue} digest and
   * its array (64), the list slot (4) and the value offset (8).
   */
  private static final long ENTRY_OVERHEAD = 124;

  /** Lowest tree level kept in the cache: proofs recompute the 8 leaves below it. */
  static final int TREE_BASE = 3;

  private static final AtomicLong SCOPES = new AtomicLong();
  private static Pool sharedPool; // guarded by TxCache.class

  private final Pool pool;
  private final long scope;

  /**
   * Set by {@link #close()} before it drops this store's entries; a put that raced with it and
   * finds it set afterwards takes its own entry out again.
   */
  private volatile boolean closed;

  /** A cache of its own of {@code maxBytes} (0: nothing is cached). */
  TxCache(long maxBytes) {
    this(new Pool(maxBytes));
  }

  private TxCache(Pool pool) {
    this.pool = pool;
    this.scope = SCOPES.incrementAndGet();
  }

  /**
   * A store's view of the pool shared by the process, created on first use.
   *
   * @throws IllegalArgumentException if {@link #SHARED_BYTES_PROPERTY} is set but not a byte count
   */
  static TxCache shared() {
    Pool p;
    synchronized (TxCache.class) {
      if (sharedPool == null) {
        sharedPool =
            new Pool(
                sharedBytes(
                    System.getProperty(SHARED_BYTES_PROPERTY), Runtime.getRuntime().maxMemory()));
      }
      p = sharedPool;
    }
    return new TxCache(p);
  }

  /**
   * The size of the shared pool for property value {@code v} (null if unset) in a JVM whose heap
   * may grow to {@code maxHeap}: by default a quarter of the heap, at least 64 MiB and at most 1
   * GiB.
   */
  static long sharedBytes(String v, long maxHeap) {
    return ByteCountProperty.parse(
        SHARED_BYTES_PROPERTY, v, Math.min(1L << 30, Math.max(64L << 20, maxHeap / 4)));
  }

  /** Another store's view of this cache's pool. */
  TxCache forAnotherStore() {
    return new TxCache(pool);
  }

  /** Whether this cache and {@code other} share one pool (and its budget). */
  boolean sharesPoolWith(TxCache other) {
    return pool == other.pool;
  }

  /** Drops this store's transactions from the pool; later calls find nothing cached. */
  @Override
  public void close() {
    closed = true;
    pool.records.removeScope(scope);
    pool.trees.removeScope(scope);
  }

  /** Records and trees of the transactions of every store that uses this pool. */
  private static final class Pool {
    final Lru<Cached> records;
    final Lru<HTree> trees;

    Pool(long maxBytes) {
      this.trees = new Lru<>(maxBytes / 8);
      this.records = new Lru<>(maxBytes - maxBytes / 8);
    }
  }

  /** A cache key: a transaction of one store. */
  private record Key(long scope, long txId) {}

  /** A cached tx record. */
  static final class Cached {
    final TxRecord record;
    final long size;

    Cached(TxRecord record) {
      this.record = record;
      long s = 256;
      for (TxEntry e : record.entries()) {
        s += e.keyLength() + ENTRY_OVERHEAD;
      }
      this.size = s;
    }
  }

  Cached get(long txId) {
    return pool.records.get(new Key(scope, txId));
  }

  /** Caches {@code c} unless it alone is larger than the cache; returns the cached instance. */
  Cached put(long txId, Cached c) {
    return putUnlessClosed(pool.records, new Key(scope, txId), c, c.size);
  }

  /** Puts into {@code lru} unless this cache is closed, then or meanwhile. */
  private <V> V putUnlessClosed(Lru<V> lru, Key key, V value, long size) {
    if (closed) {
      return value;
    }
    V cached = lru.put(key, value, size);
    if (closed) {
      lru.remove(key); // close() may have dropped the scope before this put went in
    }
    return cached;
  }

  /**
   * The inclusion proof of entry {@code entryIndex} of tx {@code txId}, whose entries and {@code
   * eH} are given. A tree is cached only if it hashes to {@code eh}, so entries that are not the
   * tx's can never leave a wrong tree behind. Entries that don't hash to {@code eh} (a value
   * changed on disk behind matching checksums) get the proof of what was read, uncached: the server
   * does not vouch for its data, the client's check against {@code eH} fails, as it must.
   */
  InclusionProof inclusionProof(long txId, Sha256Digest eh, List<TxEntry> entries, int entryIndex) {
    Sha256Hasher h = Sha256Hasher.create();
    Key key = new Key(scope, txId);
    HTree tree = pool.trees.get(key);
    if (tree == null) {
      HTree full = HTree.ofEntries(entries, h);
      if (!full.root().equals(eh)) {
        return full.inclusionProof(entryIndex);
      }
      tree = full.trimmed(TREE_BASE);
      tree = putUnlessClosed(pool.trees, key, tree, 64L + tree.nodeBytes());
    }
    return tree.inclusionProof(entryIndex, i -> entries.get(i).digest(h), h);
  }

  /**
   * A map from cache key to values of a given estimated size, evicting by CLOCK (second chance): an
   * approximation of LRU whose hits take no lock and write nothing shared but a one-time flag, so
   * readers on several threads don't serialize on it. Puts and evictions hold the lock.
   */
  private static final class Lru<V> {
    private final long maxBytes;
    private final ConcurrentHashMap<Key, Sized<V>> map = new ConcurrentHashMap<>(256);
    private final ArrayDeque<Key> clock = new ArrayDeque<>(); // guarded by this
    private long bytes; // guarded by this

    private static final class Sized<V> {
      final V value;
      final long size;
      volatile boolean used;

      Sized(V value, long size) {
        this.value = value;
        this.size = size;
      }
    }

    Lru(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    V get(Key key) {
      Sized<V> s = map.get(key);
      if (s == null) {
        return null;
      }
      if (!s.used) {
        s.used = true;
      }
      return s.value;
    }

    V put(Key key, V value, long size) {
      if (size > maxBytes) {
        return value;
      }
      synchronized (this) {
        Sized<V> old = map.putIfAbsent(key, new Sized<>(value, size));
        if (old != null) {
          return old.value;
        }
        clock.addLast(key);
        bytes += size;
        // one round of second chances at most, however often readers touch the entries meanwhile
        int chances = clock.size();
        while (bytes > maxBytes) {
          Key id = clock.pollFirst();
          Sized<V> e = map.get(id);
          if (id == key || (chances-- > 0 && e.used)) {
            e.used = false; // second chance; the value just added always gets one
            clock.addLast(id);
          } else {
            map.remove(id);
            bytes -= e.size;
          }
        }
        return value;
      }
    }

    /** Removes the value of {@code key}, if any. */
    synchronized void remove(Key key) {
      Sized<V> e = map.remove(key);
      if (e != null) {
        clock.remove(key);
        bytes -= e.size;
      }
    }

    /** Removes every value of {@code scope}. */
    synchronized void removeScope(long scope) {
      for (var it = clock.iterator(); it.hasNext(); ) {
        Key k = it.next();
        if (k.scope == scope) {
          it.remove();
          bytes -= map.remove(k).size;
        }
      }
    }
  }
}
