package io.immudb.embedded.internal.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key index of one store: for every stored key its newest version and all older ones, kept in
 * RocksDB and derived entirely from the tx log (see the package documentation).
 *
 * <p>Thread-safety: {@link #snapshot()}, {@link #indexedTx()}, {@link #compact()} and {@link
 * #approximateSizeBytes()} may be called from any thread. {@link #apply}, {@link #reset()} and
 * {@link #reopen} are for the single indexer thread; they are serialized by a lock, so a stray
 * second caller waits rather than corrupts. {@link #close()} waits for running calls, closes every
 * open snapshot and is idempotent; afterwards every call throws {@link IllegalStateException}.
 *
 * <p>Lock order: {@code writer} (apply/reset), then {@code lifecycle} (read: every call; write:
 * close), then a snapshot's own guard (taken by close for each open snapshot).
 */
public final class KeyIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeyIndex.class);

  private final Path dir;
  private IndexDb db; // replaced only by reopen, under the lifecycle write lock
  private final ReentrantLock writer = new ReentrantLock();
  private final StampedLock lifecycle = new StampedLock();
  private final Set<IndexSnapshot> openSnapshots = ConcurrentHashMap.newKeySet();
  private final AtomicReference<SnapshotState> current = new AtomicReference<>();
  private volatile long indexedTx;
  private boolean closed; // guarded by lifecycle

  private KeyIndex(Path dir, IndexDb db) {
    this.dir = dir;
    this.db = db;
  }

  /**
   * Whether {@code t} is the index's refusal for want of disk space: once space is freed, a {@link
   * #reopen} brings the index back; retry, rather than give up on the index.
   */
  public static boolean isNoSpace(Throwable t) {
    return IndexDb.isNoSpace(t);
  }

  /** Opens the index in {@code dir}, creating an empty one if missing. */
  public static KeyIndex open(Path dir) throws IOException {
    if (dir == null) {
      throw new IllegalArgumentException("dir is null");
    }
    IndexDb db = IndexDb.open(dir);
    KeyIndex index = new KeyIndex(dir, db);
    try {
      long format = db.readMeta(null, IndexDb.FORMAT_KEY);
      if (format != IndexDb.FORMAT) {
        if (format != 0) {
          LOG.warn(
              "key index {} has format {}, expected {}: wiping it for a rebuild",
              dir,
              format,
              IndexDb.FORMAT);
        }
        db.wipe(); // derived data in an unknown (or no) format: start over
      }
      index.publish();
    } catch (RuntimeException e) {
      db.close();
      throw new IOException("cannot open the key index in " + dir + ": " + e.getMessage(), e);
    }
    LOG.info("opened key index {} at tx {}", dir, index.indexedTx);
    return index;
  }

  /** The last tx whose entries are all indexed (0 for an empty index). */
  public long indexedTx() {
    return indexedTx;
  }

  /**
   * Indexes the consecutive transactions {@code txs}, atomically: after it returns all of them are
   * visible to new snapshots and {@link #indexedTx()} is the last one; if it throws, none is.
   * Requires {@code txs.get(i).txId() == indexedTx() + 1 + i}; an empty list is a no-op.
   */
  public void apply(List<TxIndexBatch> txs) {
    if (txs == null) {
      throw new IllegalArgumentException("txs is null");
    }
    writer.lock();
    try {
      long stamp = enter();
      try {
        long next = indexedTx + 1;
        for (TxIndexBatch tx : txs) {
          if (tx == null || tx.txId() != next) {
            throw new IllegalArgumentException(
                "expected tx "
                    + next
                    + " (indexedTx + 1), got "
                    + (tx == null ? "null" : "tx " + tx.txId()));
          }
          next++;
        }
        if (txs.isEmpty()) {
          return;
        }
        IndexBatchWriter.write(db, txs, next - 1);
        indexedTx = next - 1;
        publish();
      } finally {
        lifecycle.unlockRead(stamp);
      }
    } finally {
      writer.unlock();
    }
  }

  /**
   * Returns a snapshot of the index at the current {@link #indexedTx()}. The caller MUST close it.
   * Cheap: snapshots taken between two applies share one RocksDB snapshot.
   */
  public IndexSnapshot snapshot() {
    long stamp = enter();
    try {
      while (true) {
        SnapshotState s = current.get();
        if (s.tryRetain()) {
          IndexSnapshot snap = new IndexSnapshot(this, db, s);
          openSnapshots.add(snap);
          return snap;
        }
        // lost a race with apply, which just released s: the next state is already published
      }
    } finally {
      lifecycle.unlockRead(stamp);
    }
  }

  /**
   * The newest version of {@code storedKey} indexed so far, or null if it has none: one point get
   * without a snapshot, for a caller that wants the latest version and no consistent view across
   * several reads. It sees every applied tx, possibly a few more than {@link #indexedTx()} (applied
   * but not yet published); all of them are committed. The key is not copied.
   */
  public EntryRef latest(byte[] storedKey) {
    if (storedKey == null) {
      throw new IllegalArgumentException("storedKey is null");
    }
    long stamp = enter();
    try {
      return db.latest(storedKey);
    } finally {
      lifecycle.unlockRead(stamp);
    }
  }

  /**
   * Wipes every entry, so that {@link #indexedTx()} is 0, for a rebuild from the tx log. Snapshots
   * already open keep their view.
   */
  public void reset() {
    writer.lock();
    try {
      long stamp = enter();
      try {
        long was = indexedTx;
        db.wipe();
        publish();
        LOG.info("reset key index {} (was at tx {})", dir, was);
      } finally {
        lifecycle.unlockRead(stamp);
      }
    } finally {
      writer.unlock();
    }
  }

  /**
   * Compacts every column family down to its last level, dropping overwritten and deleted rows (the
   * CompactIndex RPC). Slow on a large index; reads and applies continue meanwhile.
   */
  public void compact() {
    long stamp = enter();
    try (CompactRangeOptions options =
        new CompactRangeOptions()
            .setBottommostLevelCompaction(
                CompactRangeOptions.BottommostLevelCompaction.kForceOptimized)) {
      for (ColumnFamilyHandle cf : List.of(db.meta, db.latest, db.history)) {
        db.db.compactRange(cf, null, null, options);
      }
    } catch (RocksDBException e) {
      throw IndexDb.failure("compact", e);
    } finally {
      lifecycle.unlockRead(stamp);
    }
  }

  /**
   * Writes the index's memtables to disk and waits for it (the FlushIndex RPC): after a crash the
   * index need not be rebuilt from the log up to here.
   */
  public void flush() {
    long stamp = enter();
    try {
      db.flush();
    } finally {
      lifecycle.unlockRead(stamp);
    }
  }

  /** RocksDB's integer {@code property} summed over the index's column families. */
  private long sumOverFamilies(String property) throws RocksDBException {
    long total = 0;
    for (ColumnFamilyHandle cf : List.of(db.meta, db.latest, db.history)) {
      total += db.db.getLongProperty(cf, property);
    }
    return total;
  }

  /** Returns the approximate size of the index: live SST files plus memtables, in bytes. */
  public long approximateSizeBytes() {
    long stamp = enter();
    try {
      return sumOverFamilies("rocksdb.live-sst-files-size")
          + sumOverFamilies("rocksdb.cur-size-all-mem-tables");
    } catch (RocksDBException e) {
      throw IndexDb.failure("size", e);
    } finally {
      lifecycle.unlockRead(stamp);
    }
  }

  /**
   * Whether the disk holding the index has room for what a flush of its memtables writes (twice
   * their size, plus 1 MiB for the manifest and logs), so that a {@link #reopen} can succeed.
   */
  public boolean hasRoomToFlush() {
    long stamp = enter();
    try {
      long mem = sumOverFamilies("rocksdb.cur-size-all-mem-tables");
      return java.nio.file.Files.getFileStore(dir).getUsableSpace() >= 2 * mem + (1 << 20);
    } catch (RocksDBException | java.io.IOException e) {
      return false;
    } finally {
      lifecycle.unlockRead(stamp);
    }
  }

  /**
   * Closes the RocksDB database and opens it again: the way out of RocksDB's stopped state after a
   * flush met a full disk (RocksJava has no {@code Resume}). What was only in the memtables is
   * lost, so before anyone sees the reopened index, {@code catchUp} is applied to it (given the
   * last tx the reopened index holds, it returns the batches of the txs after it, up to the tx the
   * index had reached). Open snapshots are closed (a read in flight on one fails); new snapshots
   * and calls wait until the index is back where it was, so no reader ever sees it go back.
   * Requires {@link #hasRoomToFlush()}, checked by the caller. For the indexer thread.
   *
   * @throws IOException if the database cannot be opened again; the index is then closed
   */
  public void reopen(java.util.function.LongFunction<List<TxIndexBatch>> catchUp)
      throws IOException {
    writer.lock();
    try {
      long stamp = lifecycle.writeLock();
      try {
        if (closed) {
          throw new IllegalStateException("key index " + dir + " is closed");
        }
        long was = indexedTx;
        for (IndexSnapshot s : openSnapshots) {
          s.close();
        }
        SnapshotState s = current.getAndSet(null);
        if (s != null) {
          s.release();
        }
        try {
          db.close(); // its flush fails: RocksDB is stopped; the handles are closed all the same
        } catch (RuntimeException expected) {
          LOG.debug("closing key index {} for a reopen", dir, expected);
        }
        try {
          db = IndexDb.open(dir);
        } catch (IOException e) {
          closed = true;
          throw e;
        }
        indexedTx = db.readMeta(null, IndexDb.INDEXED_TX_KEY);
        long from = indexedTx;
        while (indexedTx < was) {
          List<TxIndexBatch> txs = catchUp.apply(indexedTx);
          IndexBatchWriter.write(db, txs, txs.get(txs.size() - 1).txId());
          indexedTx = txs.get(txs.size() - 1).txId();
        }
        publish();
        LOG.info("reopened key index {}: at tx {}, caught up from tx {}", dir, was, from);
      } finally {
        lifecycle.unlockWrite(stamp);
      }
    } finally {
      writer.unlock();
    }
  }

  /** Closes every open snapshot, flushes and closes the database; idempotent. */
  @Override
  public void close() {
    long stamp = lifecycle.writeLock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (IndexSnapshot s : openSnapshots) {
        s.close();
      }
      SnapshotState s = current.getAndSet(null);
      if (s != null) {
        s.release();
      }
      db.close();
    } finally {
      lifecycle.unlockWrite(stamp);
    }
  }

  /** Called by a snapshot when it closes. */
  void unregister(IndexSnapshot s) {
    openSnapshots.remove(s);
  }

  /** Takes a RocksDB snapshot of what is written now and makes it current. */
  private void publish() {
    SnapshotState next = SnapshotState.take(db);
    indexedTx = next.txId();
    SnapshotState prev = current.getAndSet(next);
    if (prev != null) {
      prev.release();
    }
  }

  private long enter() {
    long stamp = lifecycle.readLock();
    if (closed) {
      lifecycle.unlockRead(stamp);
      throw new IllegalStateException("key index " + dir + " is closed");
    }
    return stamp;
  }
}
