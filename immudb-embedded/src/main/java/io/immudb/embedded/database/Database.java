package io.immudb.embedded.database;

import io.immudb.core.kv.StoredKeys;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.TxNotFoundException;
import io.immudb.embedded.index.EntryRef;
import io.immudb.embedded.index.IndexSnapshot;
import io.immudb.embedded.index.KeyVersion;
import io.immudb.embedded.index.ScanSpec;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.KeyValue;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.embedded.store.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An immudb database: immudb's data model (spec v1 §3, §9.7) over one {@link ImmuStore}. Plain keys
 * and values, references, sorted sets, history, scans, transactions by id, and verifiable variants
 * that return proofs.
 *
 * <p>Keys and values in this API are user bytes; the database adds the namespace and value prefixes
 * of spec v1 §3 before storing and strips them when reading. Arrays are copied on the way in and
 * out.
 *
 * <p><b>Thread-safety:</b> every method may be called from any number of threads. Writes wait until
 * the new tx is visible to reads unless they are asked not to ({@code noWait}).
 *
 * <p>Example:
 *
 * <pre>{@code
 * try (Database db = Database.open(Path.of("data/mydb"), StoreOptions.defaults())) {
 *   TxHeader tx = db.set("hello".getBytes(UTF_8), "world".getBytes(UTF_8));
 *   Entry e = db.get("hello".getBytes(UTF_8));
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
  /** Most results of one scan, history or tx scan call; the default when 0 is asked for. */
  public static final int MAX_SCAN_LIMIT = 1000;

  private final String name;
  private final ImmuStore store;
  private final boolean ownsStore;
  private final KeyReader reader;
  private final Writes writes;
  private final SortedSets sortedSets;

  private Database(String name, ImmuStore store, boolean ownsStore) {
    this.name = Objects.requireNonNull(name, "name");
    this.store = Objects.requireNonNull(store, "store");
    this.ownsStore = ownsStore;
    this.reader = new KeyReader(store);
    this.writes = new Writes(store, reader);
    this.sortedSets = new SortedSets(store, reader);
  }

  /**
   * Opens (or creates) the database stored in {@code dir}; its name is the directory's name. A new
   * database gets no first transaction unless {@code options} asks for one.
   */
  public static Database open(Path dir, StoreOptions options) throws IOException {
    Path name = dir.toAbsolutePath().getFileName();
    return new Database(name == null ? "" : name.toString(), ImmuStore.open(dir, options), true);
  }

  /** A database named {@code name} over an open store that the caller keeps and closes. */
  public static Database over(String name, ImmuStore store) {
    return new Database(name, store, false);
  }

  public String name() {
    return name;
  }

  /** The underlying store. */
  public ImmuStore store() {
    return store;
  }

  // ------------------------------------------------------------------ writes

  /** Sets one key. See {@link #setAll}. */
  public TxHeader set(byte[] key, byte[] value) {
    return setAll(List.of(new KeyValue(key, value)), false);
  }

  /**
   * Sets every pair in one transaction, in order (spec v1 §9.7 {@code Set}).
   *
   * @param noWait return before the tx is indexed
   * @throws InvalidRequestException on no pairs, an empty key, a duplicate key
   * @throws io.immudb.embedded.LimitExceededException if a limit is broken
   */
  public TxHeader setAll(List<KeyValue> kvs, boolean noWait) {
    return writes.set(kvs, noWait);
  }

  /**
   * As {@link #setAll}, without blocking: validation errors are thrown at once, commit and index
   * errors complete the future exceptionally. The future may complete on an engine thread (writer,
   * completer or indexer): dependent actions MUST be short or run on another executor.
   */
  public CompletableFuture<TxHeader> setAllAsync(List<KeyValue> kvs, boolean noWait) {
    return writes.setAsync(kvs, noWait);
  }

  /**
   * Makes {@code key} a reference to {@code referencedKey} (spec v1 §9.7 {@code SetReference}).
   * Requires {@code boundRef == (atTx > 0)}.
   */
  public TxHeader setReference(
      byte[] key, byte[] referencedKey, long atTx, boolean boundRef, boolean noWait) {
    return writes.setReference(key, referencedKey, atTx, boundRef, noWait);
  }

  /** Adds {@code key} to sorted set {@code set} with {@code score} (spec v1 §9.7 {@code ZAdd}). */
  public TxHeader zAdd(
      byte[] set, double score, byte[] key, long atTx, boolean boundRef, boolean noWait) {
    return writes.zAdd(set, score, key, atTx, boundRef, noWait);
  }

  /** Commits every operation in one transaction (spec v1 §9.7 {@code ExecAll}). */
  public TxHeader execAll(List<Op> ops, boolean noWait) {
    return writes.execAll(ops, noWait);
  }

  // ------------------------------------------------------------------ reads

  /** The latest value of {@code key}, following a reference. */
  public Entry get(byte[] key) {
    return get(key, 0, 0);
  }

  /** The value of {@code key} written by exactly tx {@code atTx}. */
  public Entry getAt(byte[] key, long atTx) {
    return get(key, atTx, 0);
  }

  /** The latest value of {@code key} once the index has reached tx {@code sinceTx}. */
  public Entry getSince(byte[] key, long sinceTx) {
    return get(key, 0, sinceTx);
  }

  /**
   * Reads {@code key} (spec v1 §9.7 {@code Get}): at most one of {@code atTx} and {@code sinceTx}
   * may be non-zero.
   *
   * @throws KeyNotFoundException if the key has no value there
   */
  public Entry get(byte[] key, long atTx, long sinceTx) {
    checkKey(key);
    if (atTx > 0 && sinceTx > 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "atTx and sinceTx are both set");
    }
    checkTxBound(atTx);
    waitFor(Math.max(atTx, sinceTx));
    try (IndexSnapshot s = store.indexSnapshot()) {
      return reader.get(s, key, atTx).entry();
    }
  }

  /** Reads every key in order; fails as a whole on the first missing key. */
  public List<Entry> getAll(List<byte[]> keys, long sinceTx) {
    keys.forEach(this::checkKey);
    waitFor(sinceTx);
    List<Entry> out = new ArrayList<>(keys.size());
    try (IndexSnapshot s = store.indexSnapshot()) {
      for (byte[] k : keys) {
        out.add(reader.get(s, k, 0).entry());
      }
    }
    return out;
  }

  /**
   * Every version of {@code key}, oldest first or newest first (spec v1 §9.7 {@code History}).
   * References are not resolved.
   */
  public List<Entry> history(byte[] key, long offset, long limit, boolean desc, long sinceTx) {
    checkKey(key);
    int lim = scanLimit(limit);
    if (offset < 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "offset " + offset + " < 0");
    }
    waitFor(sinceTx);
    byte[] sk = StoredKeys.plain(key);
    try (IndexSnapshot s = store.indexSnapshot()) {
      long n = s.versionCount(sk);
      if (n == 0) {
        throw new KeyNotFoundException(key, 0);
      }
      if (offset == n) {
        throw new InvalidRequestException(Kind.NO_MORE_ENTRIES, null);
      }
      List<Entry> out = new ArrayList<>();
      for (EntryRef r : s.history(sk, offset, lim, desc)) {
        byte[] v = store.readValue(r);
        out.add(new Entry(r.txId(), key, java.util.Arrays.copyOfRange(v, 1, v.length), null));
      }
      return out;
    }
  }

  /**
   * Keys in byte order with their latest values, references resolved (spec v1 §9.7 {@code Scan}).
   */
  public List<Entry> scan(ScanRequest req) {
    int lim = scanLimit(req.limit());
    checkTxBound(req.atTx());
    long since = req.sinceTx() == 0 ? store.lastTxId() : req.sinceTx();
    if (!req.noWait()) {
      waitFor(Math.max(since, req.atTx()));
    }
    byte[] prefix = StoredKeys.plain(req.prefix());
    try (IndexSnapshot s = store.indexSnapshot()) {
      ScanSpec spec =
          new ScanSpec(
              prefix,
              req.seekKey().length == 0 ? null : StoredKeys.plain(req.seekKey()),
              false,
              req.endKey().length == 0 ? null : StoredKeys.plain(req.endKey()),
              true,
              req.desc(),
              lim,
              Math.min(req.atTx(), s.txId()));
      List<Entry> out = new ArrayList<>();
      for (KeyVersion kv : s.scan(spec)) {
        byte[] userKey = StoredKeys.userKey(kv.storedKey());
        KeyReader.Stored st =
            new KeyReader.Stored(kv.storedKey(), kv.ref(), store.readValue(kv.ref()));
        out.add(reader.resolve(s, userKey, st));
      }
      return out;
    }
  }

  /** Number of plain keys and references starting with {@code prefix}. */
  public long count(byte[] prefix) {
    try (IndexSnapshot s = store.indexSnapshot()) {
      return s.count(StoredKeys.plain(prefix), 0);
    }
  }

  /** Number of plain keys and references. */
  public long countAll() {
    return count(new byte[0]);
  }

  /** Members of a sorted set with their values (spec v1 §9.7 {@code ZScan}). */
  public List<ZEntry> zScan(ZScanRequest req) {
    int lim = scanLimit(req.limit());
    long since = req.sinceTx() == 0 ? store.lastTxId() : req.sinceTx();
    if (!req.noWait()) {
      waitFor(since);
    }
    return sortedSets.scan(req, lim);
  }

  // ------------------------------------------------------------------ transactions

  /** Transaction {@code txId} (spec v1 §9.7 {@code TxById}). */
  public Tx txById(long txId) {
    if (txId == 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "tx id 0");
    }
    return store.tx(txId);
  }

  /**
   * Up to {@code limit} consecutive transactions from {@code initialTx} (spec v1 §9.7 {@code
   * TxScan}).
   */
  public List<Tx> txScan(long initialTx, long limit, boolean desc) {
    int lim = scanLimit(limit);
    if (initialTx < 1) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "initialTx must be >= 1");
    }
    long last = store.lastTxId();
    if (initialTx > last) {
      throw new TxNotFoundException(initialTx, last);
    }
    List<Tx> out = new ArrayList<>();
    for (long id = initialTx; id >= 1 && id <= last && out.size() < lim; id += desc ? -1 : 1) {
      out.add(store.tx(id));
    }
    return out;
  }

  /** The current state: last tx id and its Alh. */
  public ImmuState currentState() {
    return store.currentState(name);
  }

  // ------------------------------------------------------------------ verifiable

  /** {@link #setAll} plus the proof from {@code proveSinceTx} to the new tx (spec v1 §7.4). */
  public VerifiableTx verifiableSet(List<KeyValue> kvs, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    TxHeader h = setAll(kvs, false);
    return verifiableTx(h.id(), proveSinceTx == 0 ? h.id() : proveSinceTx);
  }

  /**
   * As {@link #verifiableSet}, without blocking; the proofs are built on {@code proofExecutor}.
   * Validation errors are thrown at once.
   */
  public CompletableFuture<VerifiableTx> verifiableSetAsync(
      List<KeyValue> kvs, long proveSinceTx, Executor proofExecutor) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    return setAllAsync(kvs, false)
        .thenApplyAsync(
            h -> verifiableTx(h.id(), proveSinceTx == 0 ? h.id() : proveSinceTx), proofExecutor);
  }

  /** {@link #setReference} plus the proof from {@code proveSinceTx} to the new tx. */
  public VerifiableTx verifiableSetReference(
      byte[] key, byte[] referencedKey, long atTx, boolean boundRef, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_ARGUMENTS);
    TxHeader h = setReference(key, referencedKey, atTx, boundRef, false);
    return verifiableTx(h.id(), proveSinceTx == 0 ? h.id() : proveSinceTx);
  }

  /** {@link #zAdd} plus the proof from {@code proveSinceTx} to the new tx. */
  public VerifiableTx verifiableZAdd(
      byte[] set, double score, byte[] key, long atTx, boolean boundRef, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_ARGUMENTS);
    TxHeader h = zAdd(set, score, key, atTx, boundRef, false);
    return verifiableTx(h.id(), proveSinceTx == 0 ? h.id() : proveSinceTx);
  }

  /** Tx {@code txId} plus the dual proof between it and {@code proveSinceTx} (spec v1 §7.4). */
  public VerifiableTx verifiableTxById(long txId, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    Tx tx = txById(txId);
    return verifiableTx(tx.header().id(), proveSinceTx == 0 ? txId : proveSinceTx);
  }

  /**
   * {@link #get(byte[], long, long)} plus the inclusion proof of the stored entry in its tx and the
   * dual proof between that tx and {@code proveSinceTx} (spec v1 §7.4 {@code VerifiableGet}).
   */
  public VerifiableEntry verifiableGet(byte[] key, long atTx, long sinceTx, long proveSinceTx) {
    checkKey(key);
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    if (atTx > 0 && sinceTx > 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "atTx and sinceTx are both set");
    }
    checkTxBound(atTx);
    waitFor(Math.max(atTx, sinceTx));
    KeyReader.Resolved r;
    try (IndexSnapshot s = store.indexSnapshot()) {
      r = reader.get(s, key, atTx);
    }
    EntryRef direct = r.direct().ref();
    long vTx = direct.txId();
    long since = proveSinceTx == 0 ? vTx : proveSinceTx;
    return new VerifiableEntry(
        r.entry(), verifiableTx(vTx, since), store.inclusionProof(vTx, direct.entryIndex()));
  }

  private VerifiableTx verifiableTx(long txId, long proveSinceTx) {
    Tx tx = store.tx(txId);
    return new VerifiableTx(
        tx,
        proveSinceTx <= txId
            ? store.dualProof(proveSinceTx, txId)
            : store.dualProof(txId, proveSinceTx));
  }

  // ------------------------------------------------------------------ maintenance

  /** Full verification of the underlying store; see {@link ImmuStore#verify()}. */
  public VerificationReport verify() {
    return store.verify();
  }

  /** Compacts the index. */
  public void compactIndex() {
    store.compactIndex();
  }

  /** Closes the store if this database opened it. */
  @Override
  public void close() throws IOException {
    if (ownsStore) {
      store.close();
    }
  }

  // ------------------------------------------------------------------ checks

  private void checkKey(byte[] key) {
    if (key == null || key.length == 0) {
      throw new InvalidRequestException(Kind.EMPTY_KEY, "the key is empty");
    }
  }

  private void checkTxBound(long atTx) {
    if (atTx < 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "negative tx id " + atTx);
    }
    if (atTx > store.lastTxId()) {
      throw new TxNotFoundException(atTx, store.lastTxId());
    }
  }

  private void checkProveSince(long proveSinceTx, Kind kind) {
    if (proveSinceTx < 0 || proveSinceTx > store.lastTxId()) {
      throw new InvalidRequestException(
          kind,
          "proveSinceTx " + proveSinceTx + " is beyond the last committed tx " + store.lastTxId());
    }
  }

  private void waitFor(long txId) {
    if (txId > 0) {
      store.awaitIndexed(txId);
    }
  }

  static int scanLimit(long limit) {
    if (limit < 0 || limit > MAX_SCAN_LIMIT) {
      throw new InvalidRequestException(
          Kind.SCAN_LIMIT, "limit " + limit + ", at most " + MAX_SCAN_LIMIT);
    }
    return limit == 0 ? MAX_SCAN_LIMIT : (int) limit;
  }
}
