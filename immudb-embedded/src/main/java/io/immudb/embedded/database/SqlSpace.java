package io.immudb.embedded.database;

import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.TxConflictException;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.KeyValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SQL namespace of a database: stored keys that start with {@code 0x02} (spec v1 §3.1, §10),
 * written and read as raw stored bytes by the SQL engine ({@code immudb-sql}), in the same verified
 * tx log as the key-value data model and invisible to it (key-value reads only see namespace {@code
 * 0x00}).
 *
 * <p>This door lets the SQL engine commit several entries in one tx, read at any past tx through
 * {@link SqlView}, and prove one entry; it never reaches the key-value namespaces. Every key passed
 * in MUST start with {@link #PREFIX}, else {@link InvalidRequestException}.
 *
 * <p>Concurrency control between SQL writers is optimistic: a writer reads at a {@link #view()},
 * and {@link #commit(List, long, Predicate)} refuses its entries when a tx committed after that
 * view wrote a key the writer says it depends on ({@link TxConflictException}). The keys of the
 * recent SQL commits are kept in memory for this check ({@value #RECENT_KEYS} keys at most; a
 * writer whose view is older than what is kept always conflicts).
 *
 * <p><b>Thread-safety:</b> every method may be called from any number of threads. SQL commits are
 * not serialized by a lock: each is checked, and its keys remembered, on the store's single writer
 * thread at the moment it is given its tx id ({@link ImmuStore#commitWith}), so concurrent commits
 * are checked in commit order and still share group commits (fsyncs); views take no lock.
 */
public final class SqlSpace {
  /** The first byte of every stored key of the SQL namespace. */
  public static final byte PREFIX = 0x02;

  /** How many keys of recent SQL commits are kept for conflict checks. */
  static final int RECENT_KEYS = 1 << 16;

  private final ImmuStore store;
  private final VerifiableOps verifiable;

  /** The keys of the recent SQL commits, oldest first; used on the store's writer thread only. */
  private final ArrayDeque<Committed> recent = new ArrayDeque<>();

  private int recentKeys;

  /** A view at tx >= this one can be checked against {@link #recent}; writer thread only. */
  private long checkableFrom;

  /** The last SQL commit (0 = none since open); written on the writer thread. */
  private volatile long lastSqlTx;

  private record Committed(long txId, byte[][] keys) {}

  SqlSpace(ImmuStore store, VerifiableOps verifiable) {
    this.store = store;
    this.verifiable = verifiable;
    this.checkableFrom = store.lastTxId();
  }

  /**
   * Commits {@code entries} (stored keys and values, keys in namespace {@code 0x02}) as one tx and
   * waits until it is indexed, so that a {@link #view()} opened afterwards sees it.
   *
   * @throws io.immudb.embedded.LimitExceededException if a store limit is broken
   */
  public TxHeader commit(List<StoredKeyValue> entries) {
    return commit(entries, Long.MAX_VALUE, k -> false);
  }

  /**
   * Commits {@code entries} as {@link #commit(List)} does, unless a SQL tx committed after tx
   * {@code snapshotTxId} (the {@link SqlView#txId()} the caller read at) wrote a key for which
   * {@code dependsOn} is true, or one of {@code entries}' keys: then nothing is written. {@code
   * dependsOn} runs on the store's writer thread and MUST be fast and side-effect free. When no SQL
   * tx committed after the snapshot (the common case) no key is checked.
   *
   * @throws TxConflictException on a conflict
   */
  public TxHeader commit(
      List<StoredKeyValue> entries, long snapshotTxId, Predicate<byte[]> dependsOn) {
    TxHeader h = store.commitWith(checkedEntries(entries, snapshotTxId, dependsOn));
    store.awaitIndexed(h.id());
    return h;
  }

  /**
   * As {@link #commit(List, long, Predicate)}, without blocking: the future completes once the tx
   * is committed and indexed (on the store's writer or index thread: dependent actions MUST be
   * short), or fails with {@link TxConflictException}, a broken limit or the store's error.
   *
   * @throws io.immudb.embedded.PushbackException if the commit queue is full
   * @throws InvalidRequestException if a key is outside the namespace
   */
  public java.util.concurrent.CompletableFuture<TxHeader> commitAsync(
      List<StoredKeyValue> entries, long snapshotTxId, Predicate<byte[]> dependsOn) {
    return store
        .commitWithAsync(checkedEntries(entries, snapshotTxId, dependsOn))
        .thenCompose(h -> store.indexedAsync(h.id()).thenApply(indexed -> h));
  }

  /**
   * The entries of a commit, made on the store's writer thread when the tx gets its id: first the
   * conflict check against the SQL txs committed after {@code snapshotTxId}.
   */
  private java.util.function.LongFunction<List<KeyValue>> checkedEntries(
      List<StoredKeyValue> entries, long snapshotTxId, Predicate<byte[]> dependsOn) {
    List<KeyValue> kvs = new ArrayList<>(entries.size());
    byte[][] keys = new byte[entries.size()][];
    for (StoredKeyValue e : entries) {
      byte[] k = e.key();
      checkKey(k);
      keys[kvs.size()] = k;
      kvs.add(KeyValue.ofOwned(k, e.value()));
    }
    // The check runs on the store's writer thread when the tx gets its id, in commit order, so
    // concurrent SQL commits share group commits and each is checked against every SQL tx
    // ordered before it. A tx refused by the store after this point (a broken limit) leaves its
    // keys remembered: later txs may then conflict without need, never the other way round.
    return txId -> {
      if (snapshotTxId < lastSqlTx) {
        check(entries, snapshotTxId, dependsOn);
      }
      remember(txId, keys);
      return kvs;
    };
  }

  /**
   * The id of the last SQL tx committed through this space since the database opened (0 = none).
   */
  public long lastSqlTxId() {
    return lastSqlTx;
  }

  private void check(List<StoredKeyValue> entries, long snapshotTxId, Predicate<byte[]> dependsOn) {
    if (snapshotTxId < checkableFrom) {
      throw new TxConflictException(snapshotTxId, 0);
    }
    java.util.TreeSet<byte[]> mine = null;
    var it = recent.descendingIterator();
    while (it.hasNext()) {
      Committed c = it.next();
      if (c.txId() <= snapshotTxId) {
        return;
      }
      if (mine == null) {
        mine = new java.util.TreeSet<>(java.util.Arrays::compareUnsigned);
        for (StoredKeyValue e : entries) {
          mine.add(e.key());
        }
      }
      for (byte[] k : c.keys()) {
        if (mine.contains(k) || dependsOn.test(k)) {
          throw new TxConflictException(snapshotTxId, c.txId());
        }
      }
    }
  }

  private void remember(long txId, byte[][] keys) {
    recent.addLast(new Committed(txId, keys));
    recentKeys += keys.length;
    while (recentKeys > RECENT_KEYS && recent.size() > 1) {
      Committed old = recent.removeFirst();
      recentKeys -= old.keys().length;
      checkableFrom = old.txId();
    }
    lastSqlTx = txId;
  }

  /** The id of the last committed tx of the database (any namespace). */
  public long lastTxId() {
    return store.lastTxId();
  }

  /**
   * A consistent read view of the namespace at the last committed tx (waits for the index to reach
   * it). Close it after use.
   */
  public SqlView view() {
    store.awaitIndexed(store.lastTxId());
    return new SqlView(store, store.indexSnapshot());
  }

  /**
   * A consistent read view at the last indexed tx, without waiting for the index. It sees every SQL
   * tx whose {@link #commit} or {@link #commitAsync} has returned (both wait for the index), not
   * necessarily the txs committed meanwhile: a writer reading here is checked against those by its
   * commit's conflict check. Close it after use.
   */
  public SqlView indexedView() {
    return new SqlView(store, store.indexSnapshot());
  }

  /**
   * The entry of {@code storedKey} as of tx {@code atTx} (0 = latest) with the proofs of spec v1
   * §7.4 ({@code VerifiableSQLGet}): its inclusion in its tx and the dual proof between that tx and
   * {@code proveSinceTx}.
   *
   * @throws io.immudb.embedded.KeyNotFoundException if the key has no version there
   */
  public VerifiableSqlEntry verifiableGet(byte[] storedKey, long atTx, long proveSinceTx) {
    checkKey(storedKey);
    verifiable.checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    EntryRef ref;
    try (SqlView v = view()) {
      ref = v.ref(storedKey, atTx);
    }
    long vTx = ref.txId();
    long since = proveSinceTx == 0 ? vTx : proveSinceTx;
    return new VerifiableSqlEntry(
        new SqlEntry(storedKey, store.readValue(ref), vTx),
        verifiable.verifiableTx(vTx, since),
        store.inclusionProof(vTx, ref.entryIndex()));
  }

  static void checkKey(byte[] storedKey) {
    if (storedKey == null || storedKey.length == 0 || storedKey[0] != PREFIX) {
      throw new InvalidRequestException(
          Kind.ILLEGAL_ARGUMENTS, "an SQL key must start with 0x02 (spec v1 §3.1)");
    }
  }
}
