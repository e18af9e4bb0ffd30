package io.immudb.embedded.internal.index;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.StampedLock;

/**
 * A consistent, read-only view of the {@link KeyIndex} at one {@code indexedTx}: it sees every
 * version written by transactions {@code 1..txId()} and nothing newer, however many transactions
 * are applied meanwhile.
 *
 * <p>Thread-safe: queries may run concurrently from any number of threads. {@link #close()} is
 * idempotent and waits for the queries in flight on this snapshot; afterwards every query throws
 * {@link IllegalStateException}. Close every snapshot: an open one pins old versions in RocksDB.
 *
 * <p>Keys are stored keys (namespace byte first), copied on the way in and out; a key MUST NOT be
 * null (an empty key is a valid key). Arguments out of range throw {@link
 * IllegalArgumentException}.
 */
public final class IndexSnapshot implements AutoCloseable {
  private final KeyIndex owner;
  private final SnapshotState state;
  private final SnapshotReader reader;
  // queries hold the read lock, close() the write lock, so a query never runs on released memory
  private final StampedLock guard = new StampedLock();
  private boolean closed; // guarded by guard

  /** Wraps a state on which the caller already holds a reference, handed over to this snapshot. */
  IndexSnapshot(KeyIndex owner, IndexDb db, SnapshotState state) {
    this.owner = owner;
    this.state = state;
    this.reader = new SnapshotReader(db, state.readOptions(), state.txId());
  }

  /** The {@code indexedTx} this snapshot sees (0 for an empty index). */
  public long txId() {
    return state.txId();
  }

  /** Returns the newest version of {@code storedKey}, or empty if the key has none. */
  public Optional<EntryRef> get(byte[] storedKey) {
    checkKey(storedKey);
    long stamp = enter();
    try {
      return reader.get(storedKey);
    } finally {
      guard.unlockRead(stamp);
    }
  }

  /**
   * Returns the newest version of {@code storedKey} with {@code ref.txId() <= maxTx}, or empty if
   * there is none. Requires {@code maxTx >= 0}; {@code maxTx >= txId()} is the same as {@link
   * #get}.
   */
  public Optional<EntryRef> getAt(byte[] storedKey, long maxTx) {
    checkKey(storedKey);
    if (maxTx < 0) {
      throw new IllegalArgumentException("maxTx must be >= 0, got " + maxTx);
    }
    long stamp = enter();
    try {
      return reader.getAt(storedKey, maxTx);
    } finally {
      guard.unlockRead(stamp);
    }
  }

  /** Returns the number of versions of {@code storedKey} (each tx that wrote it counts once). */
  public long versionCount(byte[] storedKey) {
    checkKey(storedKey);
    long stamp = enter();
    try {
      return reader.versionCount(storedKey);
    } finally {
      guard.unlockRead(stamp);
    }
  }

  /**
   * Returns versions of {@code storedKey} in tx order, oldest first (newest first if {@code desc}),
   * after skipping the first {@code offset} of that order, at most {@code limit} of them. Requires
   * {@code offset >= 0}, {@code limit >= 1}. Costs O(offset + limit).
   */
  public List<EntryRef> history(byte[] storedKey, long offset, int limit, boolean desc) {
    checkKey(storedKey);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    checkLimit(limit);
    long stamp = enter();
    try {
      return List.copyOf(reader.history(storedKey, offset, limit, desc));
    } finally {
      guard.unlockRead(stamp);
    }
  }

  /**
   * Returns the distinct keys selected by {@code spec}, each with its newest version as of the view
   * tx ({@code spec.atTx()}, or {@link #txId()} when 0), in unsigned byte order (reversed if
   * descending). Keys with no version as of the view tx are not returned. Requires {@code
   * spec.atTx() <= txId()}. A scan at {@code txId()} reads one row per key; a scan in the past
   * resolves each key from its version rows.
   */
  public List<KeyVersion> scan(ScanSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec is null");
    }
    long viewTx = viewTx(spec.atTx());
    long stamp = enter();
    try {
      return List.copyOf(reader.scan(spec, viewTx));
    } finally {
      guard.unlockRead(stamp);
    }
  }

  /**
   * Returns the number of distinct keys starting with {@code prefix} (empty = all) that have a
   * version as of {@code atTx} (0 = {@link #txId()}). Requires {@code 0 <= atTx <= txId()}. Costs
   * O(number of keys counted).
   */
  public long count(byte[] prefix, long atTx) {
    if (prefix == null) {
      throw new IllegalArgumentException("prefix is null");
    }
    long viewTx = viewTx(atTx);
    long stamp = enter();
    try {
      return reader.count(prefix.clone(), viewTx);
    } finally {
      guard.unlockRead(stamp);
    }
  }

  /** Releases the snapshot; idempotent. Waits for queries in flight on it to finish. */
  @Override
  public void close() {
    long stamp = guard.writeLock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      state.release();
    } finally {
      guard.unlockWrite(stamp);
    }
    owner.unregister(this);
  }

  private long enter() {
    long stamp = guard.readLock();
    if (closed) {
      guard.unlockRead(stamp);
      throw new IllegalStateException("index snapshot at tx " + state.txId() + " is closed");
    }
    return stamp;
  }

  private long viewTx(long atTx) {
    if (atTx < 0 || atTx > state.txId()) {
      throw new IllegalArgumentException(
          "atTx must be in [0, " + state.txId() + "] (the snapshot's tx), got " + atTx);
    }
    return atTx == 0 ? state.txId() : atTx;
  }

  private static void checkKey(byte[] storedKey) {
    if (storedKey == null) {
      throw new IllegalArgumentException("storedKey is null");
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
  }
}
