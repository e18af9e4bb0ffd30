package io.immudb.embedded.database;

import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.internal.index.KeyVersion;
import io.immudb.embedded.internal.index.ScanSpec;
import io.immudb.embedded.store.ImmuStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A consistent read view of the SQL namespace ({@link SqlSpace}) at one tx, {@link #txId()}: it
 * sees every version written by txs {@code 1..txId()} and can look at the namespace as of any
 * earlier tx. Keys are stored keys and MUST start with {@code 0x02}.
 *
 * <p><b>Thread-safety:</b> queries may run concurrently; {@link #close()} is idempotent, and a
 * query after it throws {@link IllegalStateException}. Close every view: an open one pins old index
 * versions.
 */
public final class SqlView implements AutoCloseable {
  private final ImmuStore store;
  private final IndexSnapshot snapshot;

  SqlView(ImmuStore store, IndexSnapshot snapshot) {
    this.store = store;
    this.snapshot = snapshot;
  }

  /** The tx this view sees up to. */
  public long txId() {
    return snapshot.txId();
  }

  /**
   * The newest version of {@code storedKey} written by a tx {@code <= asOfTx} (0 = {@link
   * #txId()}), or empty.
   */
  public Optional<SqlEntry> get(byte[] storedKey, long asOfTx) {
    SqlSpace.checkKey(storedKey);
    Optional<EntryRef> ref = find(storedKey, asOfTx);
    return ref.map(r -> new SqlEntry(storedKey, store.readValue(r), r.txId()));
  }

  /**
   * The distinct keys starting with {@code prefix}, each with its newest version as of {@code
   * asOfTx} (0 = {@link #txId()}), in unsigned byte order (reversed if {@code desc}), starting
   * after {@code seekKey} (at it if {@code inclusiveSeek}; null = at the start), at most {@code
   * limit} of them. Requires {@code 1 <= limit}, {@code 0 <= asOfTx <= txId()}.
   */
  public List<SqlEntry> scan(
      byte[] prefix, byte[] seekKey, boolean inclusiveSeek, boolean desc, int limit, long asOfTx) {
    return scan(prefix, seekKey, inclusiveSeek, null, desc, limit, asOfTx);
  }

  /**
   * As {@link #scan(byte[], byte[], boolean, boolean, int, long)}, stopping at {@code stopKey}
   * (null = no stop): ascending, only keys {@code < stopKey}; descending, only keys {@code >=
   * stopKey}. So a scan of the key range {@code [lo, hi)} is {@code seekKey = lo} (inclusive),
   * {@code stopKey = hi} ascending, and {@code seekKey = hi} (exclusive), {@code stopKey = lo}
   * descending.
   */
  public List<SqlEntry> scan(
      byte[] prefix,
      byte[] seekKey,
      boolean inclusiveSeek,
      byte[] stopKey,
      boolean desc,
      int limit,
      long asOfTx) {
    SqlSpace.checkKey(prefix);
    ScanSpec spec =
        new ScanSpec(prefix, seekKey, inclusiveSeek, stopKey, desc, desc, limit, clamp(asOfTx));
    List<KeyVersion> kvs = snapshot.scan(spec);
    List<SqlEntry> out = new ArrayList<>(kvs.size());
    for (KeyVersion kv : kvs) {
      out.add(new SqlEntry(kv.storedKey(), store.readValue(kv.ref()), kv.ref().txId()));
    }
    return out;
  }

  /**
   * The versions of {@code storedKey} in tx order, oldest first, after skipping {@code offset}, at
   * most {@code limit}. Requires {@code offset >= 0}, {@code limit >= 1}.
   */
  public List<SqlEntry> history(byte[] storedKey, long offset, int limit) {
    SqlSpace.checkKey(storedKey);
    List<EntryRef> refs = snapshot.history(storedKey, offset, limit, false);
    List<SqlEntry> out = new ArrayList<>(refs.size());
    for (EntryRef r : refs) {
      out.add(new SqlEntry(storedKey, store.readValue(r), r.txId()));
    }
    return out;
  }

  /** The index reference of the version {@link #get} returns, or {@link KeyNotFoundException}. */
  EntryRef ref(byte[] storedKey, long asOfTx) {
    return find(storedKey, asOfTx).orElseThrow(() -> new KeyNotFoundException(storedKey, asOfTx));
  }

  private Optional<EntryRef> find(byte[] storedKey, long asOfTx) {
    long at = clamp(asOfTx);
    return at == 0 || at >= snapshot.txId()
        ? snapshot.get(storedKey)
        : snapshot.getAt(storedKey, at);
  }

  private long clamp(long asOfTx) {
    if (asOfTx < 0) {
      throw new IllegalArgumentException("asOfTx must be >= 0, got " + asOfTx);
    }
    return Math.min(asOfTx, snapshot.txId());
  }

  @Override
  public void close() {
    snapshot.close();
  }
}
