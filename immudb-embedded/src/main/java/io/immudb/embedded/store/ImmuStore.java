package io.immudb.embedded.store;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.proof.DualProof;
import io.immudb.core.proof.ProofBuilder;
import io.immudb.core.proof.TxChain;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.InclusionProof;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.StoreStateException;
import io.immudb.embedded.TxNotFoundException;
import io.immudb.embedded.internal.ahtree.FileAhTree;
import io.immudb.embedded.internal.appendable.Appendable;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.internal.index.KeyIndex;
import io.immudb.embedded.internal.index.TxIndexBatch;
import io.immudb.embedded.internal.txlog.TxRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable transactional store on a directory: the engine under one immudb database.
 *
 * <p>Writes are transactions of stored key/value pairs ({@link #commit}); each committed tx gets
 * the next id, a header chained into the Alh hash chain (spec v1 §5) and a leaf in the append-only
 * hash tree (spec v1 §6). Reads go through a RocksDB index derived from the log ({@link
 * #indexSnapshot}), or straight to the log by tx id. Proofs ({@link #dualProof}, {@link
 * #inclusionProof}) let a client check that what it reads was committed and that history was never
 * rewritten. The on-disk format is described in {@code docs/design/storage.md}.
 *
 * <p><b>Thread-safety:</b> every public method may be called from any number of threads. One
 * internal writer thread owns the commit path and groups concurrent commits into shared fsyncs; one
 * internal indexer thread follows it. Readers never take a lock the writer holds and see only fully
 * committed transactions.
 *
 * <p><b>Lifecycle:</b> {@link #open} recovers the directory to its last committed tx; {@link
 * #close} (idempotent) finishes queued commits and closes the files; any call on a closed store
 * throws {@link StoreStateException}. After an I/O error or detected corruption the store turns
 * read-only: commits fail, reads of intact data go on.
 */
public final class ImmuStore implements TxChain, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImmuStore.class);

  private final Path dir;
  private final StoreMeta meta;
  private final StoreOptions options;
  private final DirectoryLock lock;
  private final Appendable vlog;
  private final Appendable txlog;
  private final Appendable clog;
  private final StoreLogs logs;
  private final FileAhTree aht;
  private final TxReader reader;
  private final KeyIndex index;
  private final CommitWriter writer;
  private final Indexer indexer;
  private final Thread writerThread;
  private final Thread indexerThread;
  private final TxCache txCache;
  private final TxSlotCache<TxHeader> headers = new TxSlotCache<>(1 << 12);

  /**
   * Alhs read from the commit log: every dual proof to a recent state reads the Alh of the same few
   * txs (its {@code blTxId}, where its linear proof starts).
   */
  private final TxSlotCache<Sha256Digest> alhs = new TxSlotCache<>(1 << 12);

  private volatile CommittedState committed;
  private volatile boolean closed;

  private ImmuStore(Path dir, StoreOptions options, StoreMeta meta, DirectoryLock lock)
      throws IOException {
    this.dir = dir;
    this.meta = meta;
    this.options = options;
    this.lock = lock;
    this.txCache =
        options.txCacheBytes() == StoreOptions.SHARED_TX_CACHE
            ? TxCache.shared()
            : new TxCache(options.txCacheBytes());
    this.logs = StoreLogs.open(dir, meta.segmentSize(), options);
    this.vlog = logs.vlog;
    this.txlog = logs.txlog;
    this.clog = logs.clog;
    KeyIndex idx = null;
    try {
      this.reader = new TxReader(vlog, txlog, clog, this::onCorruption);
      this.committed = Recovery.recover(vlog, txlog, clog, reader);
      this.aht =
          FileAhTree.open(logs.ahtLog, committed.txId(), id -> reader.commitRecord(id).alh());
      idx = KeyIndex.open(dir.resolve("index"));
      if (idx.indexedTx() > committed.txId()) {
        LOG.warn(
            "index of {} is ahead of the log (tx {} > {}); rebuilding it",
            dir,
            idx.indexedTx(),
            committed.txId());
        idx.reset();
      }
    } catch (IOException | RuntimeException e) {
      List<AutoCloseable> opened = new ArrayList<>(List.of(logs));
      if (idx != null) {
        opened.add(idx);
      }
      StoreLogs.closeQuietly(opened, e);
      throw e;
    }
    this.index = idx;
    String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    this.writer = new CommitWriter(vlog, txlog, clog, aht, options, committed, this::publish, name);
    this.indexer =
        new Indexer(
            index,
            () -> committed.txId(),
            reader::txRecord,
            writer::busy,
            writer::committedEntries,
            options.indexDeferEntries());
    this.writerThread = new Thread(writer, "immudb-writer-" + name);
    this.indexerThread = new Thread(indexer, "immudb-indexer-" + name);
    writerThread.setDaemon(true);
    indexerThread.setDaemon(true);
    writerThread.start();
    indexerThread.start();
  }

  /**
   * Opens the store in {@code dir}, creating it if the directory holds no store. A new store saves
   * the limits of {@code options} and writes {@link StoreOptions#firstTx()} as tx 1; an existing
   * one keeps its saved limits and is recovered to its last committed tx.
   *
   * @throws IOException if the directory cannot be used or is locked by another store
   * @throws CorruptedDataException if committed data fails its checks
   */
  public static ImmuStore open(Path dir, StoreOptions options) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    DirectoryLock lock = DirectoryLock.acquire(dir);
    try {
      boolean created = !StoreMeta.exists(dir);
      StoreMeta meta;
      if (created) {
        meta = StoreMeta.of(options);
        meta.write(dir);
      } else {
        meta = StoreMeta.openExisting(dir);
      }
      ImmuStore s = new ImmuStore(dir, options, meta, lock);
      if (s.committed.txId() == 0 && !options.firstTx().isEmpty()) {
        s.commit(KeyValue.fromStored(options.firstTx()));
      }
      return s;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Whether {@code dir} holds a store (one was created there). */
  public static boolean exists(Path dir) {
    return StoreMeta.exists(dir);
  }

  /** The store's directory. */
  public Path dir() {
    return dir;
  }

  /** Most entries per tx, as saved when the store was created. */
  public int maxTxEntries() {
    return meta.maxTxEntries();
  }

  /** Longest stored key, as saved when the store was created. */
  public int maxKeyLen() {
    return meta.maxKeyLen();
  }

  /** Longest stored value, as saved when the store was created. */
  public int maxValueLen() {
    return meta.maxValueLen();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Commits {@code entries} as one transaction and returns once it is committed (and durable, if
   * the store is synced). The entries are validated and hashed on the calling thread.
   *
   * @throws io.immudb.embedded.LimitExceededException if a limit is broken
   * @throws io.immudb.embedded.InvalidRequestException on an empty tx, empty or duplicate key
   * @throws io.immudb.embedded.PushbackException if the commit queue is full
   * @throws StoreStateException if the store is closed or read-only
   */
  public TxHeader commit(List<KeyValue> entries) {
    return await(commitAsync(entries));
  }

  /** As {@link #commit}, but returns at once; validation errors are thrown immediately. */
  public CompletableFuture<TxHeader> commitAsync(List<KeyValue> entries) {
    ensureOpen();
    PreparedTx p = PreparedTx.prepare(entries, meta);
    writer.submit(p);
    return p.future;
  }

  /**
   * Commits one transaction whose entries depend on the id it will get (e.g. references bound to
   * their own tx). {@code entriesForTxId} runs on the writer thread with that id; it MUST be fast
   * and side-effect free. Validation errors it causes are thrown here.
   */
  public TxHeader commitWith(java.util.function.LongFunction<List<KeyValue>> entriesForTxId) {
    return await(commitWithAsync(entriesForTxId));
  }

  /**
   * As {@link #commitWith}, but returns at once: the future completes (on the writer thread) with
   * the tx's header, or with the error {@code entriesForTxId} or the commit caused.
   *
   * @throws io.immudb.embedded.PushbackException if the commit queue is full
   * @throws StoreStateException if the store is closed or read-only
   */
  public CompletableFuture<TxHeader> commitWithAsync(
      java.util.function.LongFunction<List<KeyValue>> entriesForTxId) {
    ensureOpen();
    PreparedTx p = PreparedTx.deferred(entriesForTxId, meta);
    writer.submit(p);
    return p.future;
  }

  private static TxHeader await(CompletableFuture<TxHeader> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException r) {
            throw r;
          }
          throw new StoreStateException("commit failed: " + c, c);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Publishes a committed group and gives its index rows to the indexer. */
  private void publish(CommittedState s, List<TxIndexBatch> rows) {
    committed = s;
    indexer.committed(rows);
  }

  /** Groups whose index rows the writer handed to the index thread (for tests). */
  long handedOverGroups() {
    return indexer.handedOverGroups();
  }

  private void onCorruption(CorruptedDataException e) {
    LOG.error("corruption detected; the store is now read-only: {}", e.getMessage());
    if (writer != null) {
      writer.fail(e);
    }
  }

  // ---------------------------------------------------------------- state and txs

  /** Id of the last committed tx (0 for an empty store). */
  public long lastTxId() {
    return committed.txId();
  }

  /** The current state under the name {@code db}. */
  public ImmuState currentState(String db) {
    CommittedState c = committed;
    return new ImmuState(db, c.txId(), c.alh());
  }

  /** Header of committed tx {@code txId}. @throws TxNotFoundException beyond the last tx */
  @Override
  public TxHeader header(long txId) {
    checkTx(txId);
    TxHeader h = headers.get(txId);
    if (h == null) {
      TxCache.Cached c = txCache.get(txId);
      h = c != null ? c.record.header() : reader.header(txId);
      headers.put(txId, h);
    }
    return h;
  }

  /** The tx cache this store reads through (tests). */
  TxCache txCache() {
    return txCache;
  }

  /** Alh of committed tx {@code txId}, from the commit log (cached once read). */
  @Override
  public Sha256Digest alh(long txId) {
    checkTx(txId);
    Sha256Digest alh = alhs.get(txId);
    if (alh == null) {
      alh = reader.commitRecord(txId).alh();
      alhs.put(txId, alh);
    }
    return alh;
  }

  /** The hash tree over every committed tx. */
  @Override
  public AhtNodes aht() {
    return aht;
  }

  /** Committed tx {@code txId} with its entries. */
  public Tx tx(long txId) {
    return txRecord(txId).tx();
  }

  /** Committed tx {@code txId} with the locations of its entries' values. */
  public TxRecord txRecord(long txId) {
    return cached(txId).record;
  }

  private TxCache.Cached cached(long txId) {
    checkTx(txId);
    TxCache.Cached c = txCache.get(txId);
    if (c == null) {
      c = txCache.put(txId, new TxCache.Cached(reader.txRecordFromMapping(txId)));
    }
    return c;
  }

  /** Reads a stored value and checks it against its hash. */
  public byte[] readValue(EntryRef ref) {
    ensureOpen();
    return reader.value(ref.vOff(), ref.vLen(), ref.hValue());
  }

  /** Reads the stored value of entry {@code i} of {@code rec}, checked against its hash. */
  public byte[] readValue(TxRecord rec, int i) {
    ensureOpen();
    return reader.value(rec.vOff(i), rec.entries().get(i).vLen(), rec.entries().get(i).hValue());
  }

  private void checkTx(long txId) {
    ensureOpen();
    long last = committed.txId();
    if (txId < 1 || txId > last) {
      throw new TxNotFoundException(txId, last);
    }
  }

  // ---------------------------------------------------------------- proofs

  /**
   * The dual proof from tx {@code sourceTxId} to tx {@code targetTxId} (spec v1 §7.2). Requires 1 ≤
   * sourceTxId ≤ targetTxId ≤ last tx.
   */
  public DualProof dualProof(long sourceTxId, long targetTxId) {
    if (sourceTxId > targetTxId) {
      throw new IllegalArgumentException(
          "source tx " + sourceTxId + " is after target tx " + targetTxId);
    }
    TxHeader source = header(sourceTxId);
    TxHeader target = sourceTxId == targetTxId ? source : header(targetTxId);
    return ProofBuilder.dualProof(this, source, target);
  }

  /**
   * As {@link #dualProof(long, long)}, for headers already at hand (spares looking them up). Both
   * MUST be headers of this store as {@link #header} or {@link #tx} returned them (other headers
   * give a proof that fails verification; nothing cached depends on them); requires {@code
   * source.id() ≤ target.id()}.
   */
  public DualProof dualProof(TxHeader source, TxHeader target) {
    if (source.id() > target.id()) {
      throw new IllegalArgumentException(
          "source tx " + source.id() + " is after target tx " + target.id());
    }
    checkTx(source.id());
    checkTx(target.id());
    return ProofBuilder.dualProof(this, source, target);
  }

  /** Inclusion proof of entry {@code entryIndex} in tx {@code txId} (spec v1 §4.2). */
  public InclusionProof inclusionProof(long txId, int entryIndex) {
    TxRecord rec = cached(txId).record;
    return txCache.inclusionProof(txId, rec.header().eh(), rec.entries(), entryIndex);
  }

  /**
   * As {@link #inclusionProof(long, int)} for a tx already at hand, as {@link #tx} returned it
   * (spares looking it up again).
   *
   * <p>Entries that don't hash to the header's {@code eH} (read from a tampered disk) get the proof
   * of those entries, which fails a client's check against {@code eH}; their tree is never cached.
   *
   * @throws IllegalArgumentException if {@code tx}'s header is not this store's header of its id
   */
  public InclusionProof inclusionProof(Tx tx, int entryIndex) {
    TxHeader h = tx.header();
    if (!header(h.id()).equals(h)) {
      throw new IllegalArgumentException("tx " + h.id() + " is not this store's tx " + h.id());
    }
    return txCache.inclusionProof(h.id(), h.eh(), tx.entries(), entryIndex);
  }

  // ---------------------------------------------------------------- index

  /** Id of the last tx the index has applied. */
  public long indexedTxId() {
    return indexer.indexedTx();
  }

  /**
   * How many index writes were refused for want of disk space (and retried) since the store opened;
   * growing while the index lags means the disk is full (docs/operations.md).
   */
  public long indexNoSpaceRetries() {
    return indexer.noSpaceRetries();
  }

  /**
   * Waits until the index has applied every tx up to {@code txId}.
   *
   * @throws io.immudb.core.ImmuException with code DEADLINE_EXCEEDED after the index wait timeout
   */
  public void awaitIndexed(long txId, Duration timeout) {
    ensureOpen();
    try {
      if (!indexer.awaitIndexed(txId, timeout.toNanos())) {
        throw new io.immudb.embedded.IndexTimeoutException(txId, indexer.indexedTx(), timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreStateException("interrupted while waiting for the index", e);
    }
  }

  /**
   * As {@link #awaitIndexed(long)}, without blocking: the future completes once the index has
   * applied every tx up to {@code txId}, or fails with {@link
   * io.immudb.embedded.IndexTimeoutException} after the store's index wait timeout, or with the
   * indexing failure. It may complete on the indexer thread: dependent actions MUST be short or run
   * on another executor.
   */
  public CompletableFuture<Void> indexedAsync(long txId) {
    ensureOpen();
    CompletableFuture<Boolean> shared = indexer.whenIndexed(txId);
    if (shared.isDone() && !shared.isCompletedExceptionally() && shared.join()) {
      return CompletableFuture.completedFuture(null);
    }
    Duration timeout = options.indexWaitTimeout();
    // A copy, so that the timeout of one caller never completes the future others share.
    return shared
        .copy()
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .handle(
            (reached, e) -> {
              Throwable cause =
                  e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
              if (cause instanceof java.util.concurrent.TimeoutException
                  || (cause == null && !reached)) {
                throw new io.immudb.embedded.IndexTimeoutException(
                    txId, indexer.indexedTx(), timeout);
              }
              if (cause != null) {
                throw cause instanceof RuntimeException r
                    ? r
                    : new StoreStateException("waiting for the index failed: " + cause, cause);
              }
              return null;
            });
  }

  /** As {@link #awaitIndexed(long, Duration)} with the store's configured timeout. */
  public void awaitIndexed(long txId) {
    awaitIndexed(txId, options.indexWaitTimeout());
  }

  /**
   * The newest indexed version of {@code storedKey}, or null if it has none, read without a
   * snapshot ({@link KeyIndex#latest}): for a single get of the latest version. The key is not
   * copied and MUST NOT change during the call.
   */
  public EntryRef latestRef(byte[] storedKey) {
    ensureOpen();
    return index.latest(storedKey);
  }

  /** A consistent view of the index at the last indexed tx. Close it after use. */
  public IndexSnapshot indexSnapshot() {
    ensureOpen();
    return index.snapshot();
  }

  /** Compacts the index (RocksDB compaction); the log is untouched. */
  public void compactIndex() {
    ensureOpen();
    index.compact();
  }

  /** Waits until every committed tx is indexed, then writes the index to disk. */
  public void flushIndex() {
    awaitIndexed(committed.txId());
    index.flush();
  }

  // ---------------------------------------------------------------- replication

  /**
   * Commits a transaction exported from another store (see {@link #export}): its entries as they
   * were stored, which must become this store's next tx with exactly the exported header — same id,
   * chain link, tree root and entries hash — keeping its timestamp. Returns at once; the future
   * fails with {@link io.immudb.embedded.ReplicationException} (nothing written) if the header
   * differs, so a replayed history ends with the same state as the original.
   *
   * @throws io.immudb.embedded.LimitExceededException if a limit of this store is broken
   */
  public CompletableFuture<TxHeader> replicateAsync(ExportedTx tx) {
    ensureOpen();
    PreparedTx p = PreparedTx.prepare(KeyValue.fromStored(tx.entries()), meta);
    p.expected = tx.header();
    writer.submit(p);
    return p.future;
  }

  /**
   * Tx {@code txId} with its values as stored (each checked against its hash), read from the logs
   * without filling the tx cache: what {@link #replicateAsync} takes to re-create it elsewhere.
   */
  public ExportedTx export(long txId) {
    checkTx(txId);
    TxRecord rec = reader.txRecord(txId);
    Tx tx = rec.tx();
    List<StoredKeyValue> entries = new ArrayList<>(tx.entries().size());
    for (int i = 0; i < tx.entries().size(); i++) {
      entries.add(new StoredKeyValue(tx.entries().get(i).key(), readValue(rec, i)));
    }
    return new ExportedTx(tx.header(), entries);
  }

  // ---------------------------------------------------------------- verification

  /**
   * Re-reads every committed tx and value and recomputes every hash, the Alh chain and the hash
   * tree. Returns a report with the first problem found (file and offset), if any.
   */
  public VerificationReport verify() {
    ensureOpen();
    return new StoreVerifier(reader, aht, vlog, txlog, clog).verify(committed.txId());
  }

  /**
   * Re-reads committed tx {@code txId} from the logs, bypassing every in-memory cache, and checks
   * it on its own: record checksums, every value against its hash, {@code eH}, the Alh against the
   * commit log, {@code prevAlh} against the Alh of tx {@code txId − 1}, {@code blRoot} against the
   * stored hash tree, and the inclusion of the Alh in the stored tree under the {@code blRoot} of
   * the last tx. Takes no lock the writer holds. Requires 1 ≤ txId ≤ {@link #lastTxId()}.
   *
   * @return bytes of tx and value records read
   * @throws CorruptedDataException naming the file and offset of the first failed check; the store
   *     has switched to read-only before it is thrown
   * @throws TxNotFoundException if {@code txId} is not committed
   */
  public long verifyTx(long txId) {
    checkTx(txId);
    return new TxChecker(reader, aht, vlog, txlog, clog, this::onCorruption)
        .verifyTx(txId, committed.txId());
  }

  /**
   * As {@link #verifyTx}, for a caller that checks txs in commit order: instead of an inclusion
   * proof in the latest tree it checks the stored hash tree nodes that the tx's leaf completes,
   * which, with the {@code blRoot} check of tx {@code txId + 1}, ties the Alh into the tree at a
   * fraction of the cost. Requires 1 ≤ txId ≤ {@link #lastTxId()}.
   *
   * @return bytes of tx and value records read
   * @throws CorruptedDataException as {@link #verifyTx}
   * @throws TxNotFoundException if {@code txId} is not committed
   */
  public long verifyTxInSequence(long txId) {
    checkTx(txId);
    return new TxChecker(reader, aht, vlog, txlog, clog, this::onCorruption).verifyInSequence(txId);
  }

  // ---------------------------------------------------------------- lifecycle

  private void ensureOpen() {
    if (closed) {
      throw new StoreStateException("the store at " + dir + " is closed");
    }
  }

  /** Whether the store refuses commits after an I/O error or detected corruption. */
  public boolean isReadOnly() {
    return writer.failure() != null;
  }

  /**
   * Finishes queued commits, stops the threads, syncs and closes the files. Idempotent. An
   * interrupt does not cut it short; the thread's interrupt flag is kept. A part that fails to
   * close (the index's last flush on a read-only file system, say) does not keep the others open:
   * every part is closed, then the first failure is thrown.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    writer.stop();
    join(writerThread);
    indexer.stop();
    join(indexerThread);
    closed = true;
    List<IOException> errors = new ArrayList<>();
    try {
      if (writer.failure() == null) {
        logs.syncAll();
      }
    } catch (IOException e) {
      errors.add(e);
    }
    try {
      index.close();
    } catch (RuntimeException e) {
      // E.g. its flush on a file system turned read-only. The index is derived (the next open
      // re-indexes from the tx log what it lacks); the logs and the lock must still be closed.
      errors.add(new IOException(e.getMessage(), e));
    }
    txCache.close();
    for (AutoCloseable c : new AutoCloseable[] {logs, lock}) {
      try {
        c.close();
      } catch (Exception e) {
        errors.add(e instanceof IOException io ? io : new IOException(e));
      }
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
  }

  /**
   * Waits for {@code t} to end, also when this thread is interrupted (the close must finish, or the
   * files stay open and the lock held): the interrupt flag is restored afterwards.
   */
  private static void join(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
