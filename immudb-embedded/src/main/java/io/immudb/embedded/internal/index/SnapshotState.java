package io.immudb.embedded.internal.index;

import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;

/**
 * A RocksDB snapshot of the index at one {@code indexedTx}, shared by every {@link IndexSnapshot}
 * taken while it is current and released when the last of them, and the index, let go of it.
 *
 * <p>Sharing matters: taking and releasing a RocksDB snapshot locks the database mutex, which would
 * serialize readers that each take a snapshot for a single get.
 *
 * <p>Thread-safe. The reference count starts at 1 (the index's own reference, dropped when a newer
 * state replaces this one); once it reaches 0 the native snapshot and read options are released and
 * {@link #tryRetain()} fails for good.
 */
final class SnapshotState {
  private final IndexDb db;
  private final Snapshot snapshot;
  private final ReadOptions readOptions;
  private final long txId;
  private final AtomicInteger refs = new AtomicInteger(1);

  private SnapshotState(IndexDb db, Snapshot snapshot, ReadOptions readOptions, long txId) {
    this.db = db;
    this.snapshot = snapshot;
    this.readOptions = readOptions;
    this.txId = txId;
  }

  /** Takes a snapshot of {@code db} now; its tx id is read through the snapshot itself. */
  static SnapshotState take(IndexDb db) {
    Snapshot s = db.db.getSnapshot();
    ReadOptions ro = new ReadOptions().setSnapshot(s);
    try {
      return new SnapshotState(db, s, ro, db.readMeta(ro, IndexDb.INDEXED_TX_KEY));
    } catch (RuntimeException e) {
      ro.close();
      db.db.releaseSnapshot(s);
      throw e;
    }
  }

  /** The {@code indexedTx} this snapshot sees. */
  long txId() {
    return txId;
  }

  /** Read options bound to the snapshot; valid while a reference is held. MUST NOT be modified. */
  ReadOptions readOptions() {
    return readOptions;
  }

  /** Adds a reference unless the state was already released; returns whether it did. */
  boolean tryRetain() {
    for (int r = refs.get(); r > 0; r = refs.get()) {
      if (refs.compareAndSet(r, r + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Drops a reference; the last one releases the native snapshot. */
  void release() {
    int r = refs.decrementAndGet();
    if (r == 0) {
      readOptions.close();
      db.db.releaseSnapshot(snapshot);
    } else if (r < 0) {
      throw new IllegalStateException("snapshot state of tx " + txId + " released twice");
    }
  }
}
