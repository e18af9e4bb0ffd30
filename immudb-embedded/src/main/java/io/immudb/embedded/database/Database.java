package io.immudb.embedded.database;

import io.immudb.core.kv.Entry;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.embedded.store.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An immudb database, the engine's only door for the server and other modules: immudb's data model
 * (spec v1 §3, §9.7) with proofs, plus export, replay and verification of its transactions.
 *
 * <p>Keys and values are user bytes ({@link KeyValue}, {@link Entry}): the database adds the
 * prefixes of spec v1 §3 when storing and strips them when reading; only {@link #export} and {@link
 * #replicateAsync} deal in stored bytes. Arrays are copied on the way in and out.
 *
 * <p><b>Thread-safety:</b> every method may be called from any number of threads. Writes wait until
 * the new tx is visible to reads unless they are asked not to ({@code noWait}).
 */
public final class Database implements AutoCloseable {
  /** Most results of one scan, history or tx scan call; the default when 0 is asked for. */
  public static final int MAX_SCAN_LIMIT = 1000;

  private final String name;
  private final ImmuStore store;
  private final boolean ownsStore;
  private final Writes writes;
  private final Reads reads;
  private final VerifiableOps verifiable;
  private final SqlSpace sql;

  private Database(String name, ImmuStore store, boolean ownsStore) {
    this.name = Objects.requireNonNull(name, "name");
    this.store = Objects.requireNonNull(store, "store");
    this.ownsStore = ownsStore;
    KeyReader reader = new KeyReader(store);
    this.writes = new Writes(store, reader);
    this.reads = new Reads(store, reader);
    this.verifiable = new VerifiableOps(store, reads, writes);
    this.sql = new SqlSpace(store, verifiable);
  }

  /**
   * Opens (or creates) the database in {@code dir}, named as the directory; {@link IOException} if
   * another process has it open. A new one gets no first tx unless {@code options} asks for one.
   */
  public static Database open(Path dir, StoreOptions options) throws IOException {
    Path name = dir.toAbsolutePath().getFileName();
    return open(name == null ? "" : name.toString(), dir, options);
  }

  /** As {@link #open(Path, StoreOptions)}, for a database named {@code name}. */
  public static Database open(String name, Path dir, StoreOptions options) throws IOException {
    return new Database(name, ImmuStore.open(dir, options), true);
  }

  /** A database over a store the caller keeps and closes: for engine benchmarks only. */
  public static Database over(String name, ImmuStore store) {
    return new Database(name, store, false);
  }

  public String name() {
    return name;
  }

  /** The directory holding the database's files. */
  public Path dir() {
    return store.dir();
  }

  /** The limits fixed when the database was created. */
  public Limits limits() {
    return new Limits(store.maxTxEntries(), store.maxKeyLen(), store.maxValueLen());
  }

  /** Sets one key. See {@link #setAll}. */
  public TxHeader set(byte[] key, byte[] value) {
    return setAll(List.of(new KeyValue(key, value)), false);
  }

  /**
   * Sets every pair in one transaction, in order (spec v1 §9.7 {@code Set}); with {@code noWait},
   * returns before the tx is indexed. Throws {@link InvalidRequestException} on no pairs or an
   * empty key, {@link io.immudb.embedded.LimitExceededException} if a limit is broken.
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
   * Reads {@code key} (spec v1 §9.7 {@code Get}); at most one of {@code atTx} and {@code sinceTx}
   * may be non-zero. Throws {@link KeyNotFoundException} if the key has no value there.
   */
  public Entry get(byte[] key, long atTx, long sinceTx) {
    return reads.get(key, atTx, sinceTx).entry();
  }

  /** Reads every key in order; fails as a whole on the first missing key. */
  public List<Entry> getAll(List<byte[]> keys, long sinceTx) {
    return reads.getAll(keys, sinceTx);
  }

  /** Every version of {@code key}, unresolved, in either order (spec v1 §9.7 History). */
  public List<Entry> history(byte[] key, long offset, long limit, boolean desc, long sinceTx) {
    return reads.history(key, offset, limit, desc, sinceTx);
  }

  /** Keys in byte order with their latest values, references resolved (spec v1 §9.7 Scan). */
  public List<Entry> scan(ScanRequest req) {
    return reads.scan(req);
  }

  /** Number of plain keys and references starting with {@code prefix}. */
  public long count(byte[] prefix) {
    return reads.count(prefix);
  }

  /** Number of plain keys and references. */
  public long countAll() {
    return count(new byte[0]);
  }

  /** Members of a sorted set with their values (spec v1 §9.7 {@code ZScan}). */
  public List<ZEntry> zScan(ZScanRequest req) {
    return reads.zScan(req);
  }

  /** Transaction {@code txId} (spec v1 §9.7 {@code TxById}). */
  public Tx txById(long txId) {
    return reads.txById(txId);
  }

  /** Up to {@code limit} consecutive txs from {@code initialTx} (spec v1 §9.7 {@code TxScan}). */
  public List<Tx> txScan(long initialTx, long limit, boolean desc) {
    return reads.txScan(initialTx, limit, desc);
  }

  /** The current state: last tx id and its Alh. */
  public ImmuState currentState() {
    return store.currentState(name);
  }

  /** The id of the last committed transaction (0 if none). */
  public long lastTxId() {
    return store.lastTxId();
  }

  /** The id of the last transaction the key index has applied. */
  public long indexedTxId() {
    return store.indexedTxId();
  }

  /** Index writes refused for want of disk space (and retried) since the database opened. */
  public long indexNoSpaceRetries() {
    return store.indexNoSpaceRetries();
  }

  /** Waits until the index has applied tx {@code txId}, at most {@code timeout}. */
  public void awaitIndexed(long txId, Duration timeout) {
    store.awaitIndexed(txId, timeout);
  }

  /** {@link #setAll} plus the proof from {@code proveSinceTx} to the new tx (spec v1 §7.4). */
  public VerifiableTx verifiableSet(List<KeyValue> kvs, long proveSinceTx) {
    return verifiable.set(kvs, proveSinceTx);
  }

  /** As {@link #verifiableSet}, without blocking; proofs are built on {@code proofExecutor}. */
  public CompletableFuture<VerifiableTx> verifiableSetAsync(
      List<KeyValue> kvs, long proveSinceTx, Executor proofExecutor) {
    return verifiable.setAsync(kvs, proveSinceTx, proofExecutor);
  }

  /** {@link #setReference} plus the proof from {@code proveSinceTx} to the new tx. */
  public VerifiableTx verifiableSetReference(
      byte[] key, byte[] referencedKey, long atTx, boolean boundRef, long proveSinceTx) {
    return verifiable.setReference(key, referencedKey, atTx, boundRef, proveSinceTx);
  }

  /** {@link #zAdd} plus the proof from {@code proveSinceTx} to the new tx. */
  public VerifiableTx verifiableZAdd(
      byte[] set, double score, byte[] key, long atTx, boolean boundRef, long proveSinceTx) {
    return verifiable.zAdd(set, score, key, atTx, boundRef, proveSinceTx);
  }

  /** Tx {@code txId} plus the dual proof between it and {@code proveSinceTx} (spec v1 §7.4). */
  public VerifiableTx verifiableTxById(long txId, long proveSinceTx) {
    return verifiable.txById(txId, proveSinceTx);
  }

  /**
   * {@link #get(byte[], long, long)} plus the inclusion proof of the stored entry in its tx and the
   * dual proof between that tx and {@code proveSinceTx} (spec v1 §7.4 {@code VerifiableGet}).
   */
  public VerifiableEntry verifiableGet(byte[] key, long atTx, long sinceTx, long proveSinceTx) {
    return verifiable.get(key, atTx, sinceTx, proveSinceTx);
  }

  /**
   * The SQL namespace ({@code 0x02}) of this database, the door of the SQL engine ({@code
   * immudb-sql}); its entries are invisible to the key-value reads above.
   */
  public SqlSpace sql() {
    return sql;
  }

  /** Tx {@code txId} as stored, what {@link #replicateAsync} replays; {@link ImmuStore#export}. */
  public ExportedTx export(long txId) {
    return store.export(txId);
  }

  /** Commits {@code tx} as the next tx, with its exact header; {@link ImmuStore#replicateAsync}. */
  public CompletableFuture<TxHeader> replicateAsync(ExportedTx tx) {
    return store.replicateAsync(tx);
  }

  /** Full verification of every stored byte and hash; see {@link ImmuStore#verify()}. */
  public VerificationReport verify() {
    return store.verify();
  }

  /**
   * Re-reads and checks tx {@code txId} alone, returning bytes read; {@link ImmuStore#verifyTx}.
   */
  public long verifyTx(long txId) {
    return store.verifyTx(txId);
  }

  /** As {@link #verifyTx}, cheaper for txs checked in commit order; see {@link ImmuStore}. */
  public long verifyTxInSequence(long txId) {
    return store.verifyTxInSequence(txId);
  }

  /** Whether the database refuses writes after an I/O error or detected corruption. */
  public boolean isReadOnly() {
    return store.isReadOnly();
  }

  /** Compacts the index. */
  public void compactIndex() {
    store.compactIndex();
  }

  /** Waits until every committed tx is indexed, then writes the index to disk. */
  public void flushIndex() {
    store.flushIndex();
  }

  /** Closes the store if this database opened it. */
  @Override
  public void close() throws IOException {
    if (ownsStore) {
      store.close();
    }
  }
}
