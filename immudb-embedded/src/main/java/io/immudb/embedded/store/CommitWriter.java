package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.TxChainVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.PushbackException;
import io.immudb.embedded.StorageFullException;
import io.immudb.embedded.StoreStateException;
import io.immudb.embedded.internal.ahtree.FileAhTree;
import io.immudb.embedded.internal.appendable.Appendable;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.TxIndexBatch;
import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import io.immudb.embedded.internal.txlog.ValueRecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a store: owns the commit path.
 *
 * <p>Committing threads {@link #submit} prepared transactions into a bounded queue. The writer
 * thread takes whatever is queued — blocking only when the queue is empty, never sleeping to wait
 * for company — and commits it as one group: it assigns ids and timestamps, links each header to
 * the Alh chain and the hash tree, appends values, tx records and tree nodes, syncs the logs it
 * wrote values and tx records to (when {@code synced}) — the durability point — then appends the
 * commit records, which make the group visible. Only then are the group's futures completed and the
 * new state published. So concurrent committers share fsyncs, and a lone committer pays exactly one
 * group of fsyncs. The commit log and the tree log are derived data (recovery re-derives their
 * tails) and are synced lazily. Values of at most {@code inlineValueMaxLen} bytes go inline into
 * the tx record (format 2), so a group of small-value txs syncs the tx log only: one fdatasync.
 *
 * <p>Thread-safety: {@link #submit} from any thread; everything else runs on the writer thread.
 * After an I/O error the writer fails the group and every later commit (the store must be reopened,
 * and recovery cuts whatever was partly written).
 */
final class CommitWriter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CommitWriter.class);
  private static final PreparedTx STOP = null;
  private static final int BUFFER_SIZE = 4 << 20;
  private static final int MAX_GROUP = 4096;
  private static final long BUSY_WINDOW_NANOS = 20_000_000L;
  private static final int INLINE_COMPLETIONS = 4;
  private static final long CLOG_SYNC_NANOS = 1_000_000_000L;

  /**
   * Groups of at most this many entries hand their index rows to the {@link GroupListener}, which
   * may index them at once, before the committers are answered; larger groups are left to the index
   * thread, which reads them back from the log.
   */
  static final int INLINE_INDEX_ENTRIES = 4096;

  /** Told of every committed group, on the writer thread, before its committers are answered. */
  interface GroupListener {
    /**
     * @param state the new last committed tx
     * @param index the group's index rows, in tx order, or {@code null} if the group was too large
     *     to carry them
     */
    void committed(CommittedState state, List<TxIndexBatch> index);
  }

  private final Appendable vlog;
  private final Appendable txlog;
  private final Appendable clog;
  private final FileAhTree aht;
  private final boolean synced;
  private final int inlineValueMaxLen;
  private final java.util.function.LongSupplier clock;
  private final GroupListener publisher;
  private final BlockingQueue<Object> queue;
  private final long maxPendingBytes;
  private final AtomicLong pendingBytes = new AtomicLong();
  private final Sha256Hasher hasher = Sha256Hasher.create();
  private final ByteBuffer vbuf = ByteBuffer.allocateDirect(BUFFER_SIZE);
  private final ByteBuffer tbuf = ByteBuffer.allocateDirect(BUFFER_SIZE);
  private final ByteBuffer cbuf = ByteBuffer.allocateDirect(MAX_GROUP * CommitRecord.LENGTH);
  private final Object stopToken = new Object();
  private final java.util.concurrent.ExecutorService completer;
  private final Object completionMonitor = new Object();
  private volatile boolean completing;

  private long lastId;
  private Sha256Digest lastAlh;
  private long lastTs;
  private volatile Throwable failure;
  private volatile boolean inGroup;
  private long lastClogSync = System.nanoTime();
  private int lastGroupTxs;
  private boolean groupWroteValues;
  private final AtomicLong committedEntries = new AtomicLong();
  private volatile long lastGroupEnd = System.nanoTime() - BUSY_WINDOW_NANOS;

  CommitWriter(
      Appendable vlog,
      Appendable txlog,
      Appendable clog,
      FileAhTree aht,
      StoreOptions options,
      CommittedState start,
      GroupListener publisher,
      String threadSuffix) {
    this.vlog = vlog;
    this.txlog = txlog;
    this.clog = clog;
    this.aht = aht;
    this.synced = options.synced();
    this.inlineValueMaxLen = options.inlineValueMaxLen();
    this.clock = options.clockSeconds();
    this.publisher = publisher;
    this.queue = new ArrayBlockingQueue<>(options.maxPendingTxs() + 1);
    this.maxPendingBytes = options.maxPendingBytes();
    this.lastId = start.txId();
    this.lastAlh = start.alh();
    this.lastTs = start.ts();
    this.completer =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "immudb-completer-" + threadSuffix);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Queues a prepared tx; its future completes when it is committed.
   *
   * @throws PushbackException if the queue is full in count or bytes
   * @throws StoreStateException if the writer has failed or stopped
   */
  void submit(PreparedTx tx) {
    Throwable f = failure;
    if (f != null) {
      // The cause's text, not its class name: this message goes to clients.
      String why = f.getMessage() != null ? f.getMessage() : f.toString();
      throw new StoreStateException("the store accepts no commits after an error: " + why, f);
    }
    long bytes = tx.queuedBytes();
    long now = pendingBytes.addAndGet(bytes);
    if (now > maxPendingBytes && now != bytes) {
      pendingBytes.addAndGet(-bytes);
      throw new PushbackException(now - bytes + " bytes queued, limit " + maxPendingBytes);
    }
    if (!queue.offer(tx)) {
      pendingBytes.addAndGet(-bytes);
      throw new PushbackException(queue.size() + " transactions queued");
    }
  }

  /** Asks the writer to finish what is queued and stop. */
  void stop() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          queue.put(stopToken);
          return;
        } catch (InterruptedException e) {
          // The stop token must get in; keep waiting with the flag cleared (put would throw at once
          // with it set) and restore it below.
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Marks the writer failed (e.g. corruption found by a reader): no further commits. */
  void fail(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
  }

  /**
   * Whether commits are flowing: queued, being written, or a group finished within the last {@link
   * #BUSY_WINDOW_NANOS} (committers prepare their next tx between groups).
   */
  boolean busy() {
    return inGroup || !queue.isEmpty() || System.nanoTime() - lastGroupEnd < BUSY_WINDOW_NANOS;
  }

  /** Entries committed since the store was opened. */
  long committedEntries() {
    return committedEntries.get();
  }

  Throwable failure() {
    return failure;
  }

  @Override
  public void run() {
    List<Object> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      try {
        awaitCompletions();
        batch.add(next());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(new StoreStateException("the writer thread was interrupted"));
        break;
      }
      queue.drainTo(batch, MAX_GROUP - 1);
      List<PreparedTx> group = new ArrayList<>(batch.size());
      for (Object o : batch) {
        if (o == stopToken) {
          stopping = true;
        } else {
          group.add((PreparedTx) o);
        }
      }
      batch.clear();
      lastGroupTxs = group.size();
      if (!group.isEmpty()) {
        inGroup = true;
        try {
          commitGroup(group);
        } finally {
          lastGroupEnd = System.nanoTime();
          inGroup = false;
        }
      }
    }
    completer.shutdown();
    try {
      completer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Throwable f = failure != null ? failure : new StoreStateException("the store is closed");
    for (Object o : queue.toArray()) {
      if (o instanceof PreparedTx p) {
        p.future.completeExceptionally(f);
      }
    }
  }

  private void commitGroup(List<PreparedTx> group) {
    for (PreparedTx p : group) {
      pendingBytes.addAndGet(-p.queuedBytes());
    }
    if (failure != null) {
      StoreStateException e =
          new StoreStateException("the store accepts no commits after an error", failure);
      group.forEach(p -> p.future.completeExceptionally(e));
      return;
    }
    List<PreparedTx> committedTxs = new ArrayList<>(group.size());
    List<TxHeader> headers = new ArrayList<>(group.size());
    // Deferred txs count once resolved: a group that turns out too large drops its rows (null).
    long groupEntries = 0;
    for (PreparedTx p : group) {
      groupEntries += p.deferred != null ? 0 : p.keys.length;
    }
    List<TxIndexBatch> index =
        groupEntries <= INLINE_INDEX_ENTRIES ? new ArrayList<>(group.size()) : null;
    GroupStart start =
        new GroupStart(vlog.size(), txlog.size(), clog.size(), lastId, lastAlh, lastTs);
    try {
      vbuf.clear();
      tbuf.clear();
      cbuf.clear();
      groupWroteValues = false;
      for (PreparedTx p : group) {
        PreparedTx q = p;
        if (p.deferred != null) {
          try {
            q = p.resolve(lastId + 1);
          } catch (RuntimeException e) {
            p.future.completeExceptionally(e);
            continue;
          }
          groupEntries += q.keys.length;
          if (groupEntries > INLINE_INDEX_ENTRIES) {
            index = null;
          }
        }
        if (p.expected != null) {
          RuntimeException mismatch = replicaMismatch(p);
          if (mismatch != null) {
            p.future.completeExceptionally(mismatch);
            continue;
          }
        }
        headers.add(append(q, index));
        committedTxs.add(p);
      }
      flush(vbuf, vlog);
      flush(tbuf, txlog);
      aht.flush();
      if (synced) {
        // A group whose values are all inline wrote nothing to the value log.
        if (groupWroteValues) {
          vlog.sync();
        }
        txlog.sync();
      }
      cbuf.flip();
      clog.append(cbuf);
      // The commit log is derived from the tx log (recovery rolls it forward), so it is synced
      // lazily: at most once per CLOG_SYNC_NANOS, and on close.
      if (synced && System.nanoTime() - lastClogSync >= CLOG_SYNC_NANOS) {
        clog.sync();
        lastClogSync = System.nanoTime();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IOException io && StorageFullException.isDiskFull(io) && rollBack(start)) {
        LOG.warn(
            "commit of {} transactions refused, the disk is full; rolled back to tx {}",
            group.size(),
            lastId);
        StorageFullException full = new StorageFullException("tx " + (start.txId() + 1), io);
        group.forEach(p -> p.future.completeExceptionally(full));
        return;
      }
      LOG.error("commit of {} transactions failed; the store is now read-only", group.size(), e);
      fail(e);
      StoreStateException ex = new StoreStateException("commit failed: " + e.getMessage(), e);
      group.forEach(p -> p.future.completeExceptionally(ex));
      return;
    }
    if (headers.isEmpty()) {
      return;
    }
    aht.publish();
    long n = 0;
    for (TxHeader h : headers) {
      n += h.nEntries();
    }
    committedEntries.addAndGet(n);
    publisher.committed(new CommittedState(lastId, lastAlh, lastTs), index);
    if (headers.size() <= INLINE_COMPLETIONS) {
      complete(committedTxs, headers);
    } else {
      // Waking many committers costs a syscall each; let another thread do it while this one
      // starts on the next group.
      completing = true;
      completer.execute(
          () -> {
            complete(committedTxs, headers);
            synchronized (completionMonitor) {
              completing = false;
              completionMonitor.notifyAll();
            }
          });
    }
  }

  /**
   * How long an idle writer polls for the next commit before it parks. A parked writer costs every
   * lone committer a futex wake-up and a context switch on each side, which on a virtual machine
   * (where entering the kernel and waking an idle CPU are dear) is a sizeable part of a synced
   * {@code Set}; a committer that answers and commits again (one client in a loop) is usually back
   * within this window. Polling stops at the first commit or after the window, so an idle store
   * spins once per burst, not continuously. Only after a group of at most {@link
   * #SPIN_AFTER_GROUP_TXS} txs: after a larger group more committers are on their way and the
   * writer would only take CPU from the threads that bring them. Not on a single CPU, where the
   * poll would hold off the very thread it waits for. Measured in docs/benchmarks.md (runs of
   * 2026-12-07, idle spin).
   */
  static final long IDLE_SPIN_NANOS =
      Runtime.getRuntime().availableProcessors() > 1
          ? Long.getLong("immudb.writerSpinMicros", 300) * 1000
          : 0;

  static final int SPIN_AFTER_GROUP_TXS = 2;

  /**
   * The next queued object: polled for up to {@link #IDLE_SPIN_NANOS} after a small group, then
   * waited for.
   */
  private Object next() throws InterruptedException {
    Object o = queue.poll();
    if (o != null) {
      return o;
    }
    if (IDLE_SPIN_NANOS > 0 && lastGroupTxs <= SPIN_AFTER_GROUP_TXS) {
      long until = System.nanoTime() + IDLE_SPIN_NANOS;
      do {
        Thread.onSpinWait();
        o = queue.poll();
        if (o != null) {
          return o;
        }
      } while (System.nanoTime() - until < 0);
    }
    return queue.take();
  }

  /**
   * Before taking the next group, lets the committers of the last one be woken: they usually commit
   * again at once, and joining the next group shares its fsync. This waits for a known event, never
   * for a fixed time; a lone committer is completed inline and never waits here.
   */
  private void awaitCompletions() throws InterruptedException {
    if (!completing) {
      return;
    }
    synchronized (completionMonitor) {
      while (completing) {
        completionMonitor.wait();
      }
    }
  }

  private static void complete(List<PreparedTx> txs, List<TxHeader> headers) {
    for (int i = 0; i < headers.size(); i++) {
      txs.get(i).future.complete(headers.get(i));
    }
  }

  /**
   * Why replicated tx {@code p} cannot become the next tx with its expected header, or {@code null}
   * if it can: everything but the timestamp must be what this store would compute itself ({@link
   * TxChainVerifier}: the next id, the last Alh, the entries' count and {@code eH}, {@code blTxId =
   * id − 1} and the root of this store's hash tree).
   */
  private RuntimeException replicaMismatch(PreparedTx p) {
    TxHeader want = p.expected;
    Sha256Digest prevAlh = lastId == 0 ? Sha256Digest.EMPTY : lastAlh;
    try {
      TxChainVerifier.verifyLinearLink(lastId, prevAlh, want);
      TxChainVerifier.verifyEntries(want, p.keys.length, p.eh);
      TxChainVerifier.verifySyncBinaryLink(want, size -> aht.pendingRoot());
      return null;
    } catch (VerificationException e) {
      String why =
          switch (e.reason()) {
            case TX_ID_MISMATCH -> "the next tx id is " + (lastId + 1);
            case ALH_MISMATCH ->
                "its prevAlh " + want.prevAlh().toHex() + " is not the last Alh " + prevAlh.toHex();
            case ENTRY_MISMATCH, TX_INCLUSION ->
                "its "
                    + p.keys.length
                    + " entries hash to eH "
                    + p.eh.toHex()
                    + ", the header says "
                    + want.nEntries()
                    + " entries with eH "
                    + want.eh().toHex();
            default -> "its blTxId/blRoot do not match this store's hash tree";
          };
      return new io.immudb.embedded.ReplicationException(
          "tx " + want.id() + " cannot be replayed after tx " + lastId + ": " + why);
    }
  }

  private TxHeader nextHeader(PreparedTx p, long ts) {
    long id = lastId + 1;
    Sha256Digest blRoot = id == 1 ? Sha256Digest.ZERO : aht.pendingRoot();
    Sha256Digest prevAlh = id == 1 ? Sha256Digest.EMPTY : lastAlh;
    return new TxHeader(id, prevAlh, ts, p.keys.length, p.eh, id - 1, blRoot);
  }

  /** Where the logs and the chain ended before a group was written, to roll back to. */
  private record GroupStart(
      long vlogSize, long txlogSize, long clogSize, long txId, Sha256Digest alh, long ts) {}

  /**
   * Undoes a group that could not be written because the disk is full: cuts every log back to where
   * it ended before the group (also bytes a failed write left past the log's end), drops the
   * group's hash tree leaves and restores the chain, so the store is exactly as after the last
   * committed tx and the next group starts from it. Nothing of the group was published: readers and
   * the indexer never saw it.
   *
   * @return false if the logs could not be cut (the store then fails as for any write error)
   */
  private boolean rollBack(GroupStart start) {
    try {
      vlog.truncate(start.vlogSize());
      txlog.truncate(start.txlogSize());
      clog.truncate(start.clogSize());
      aht.discardPending();
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot roll back a commit refused for lack of space", e);
      return false;
    }
    vbuf.clear();
    tbuf.clear();
    cbuf.clear();
    lastId = start.txId();
    lastAlh = start.alh();
    lastTs = start.ts();
    return true;
  }

  /**
   * Appends tx {@code p}'s records to the buffers and, if {@code index} is not null, its index rows
   * to {@code index}.
   */
  private TxHeader append(PreparedTx p, List<TxIndexBatch> index) throws IOException {
    long id = lastId + 1;
    long ts = p.expected != null ? p.expected.ts() : Math.max(clock.getAsLong(), lastTs);
    TxHeader h = nextHeader(p, ts);
    Sha256Digest alh = h.alh(hasher);

    int n = p.keys.length;
    byte[][] inline = new byte[n][];
    int[] vLens = new int[n];
    long inlineBytes = 0;
    int logged = 0;
    for (int i = 0; i < n; i++) {
      byte[] v = p.values[i];
      vLens[i] = v.length;
      if (v.length <= inlineValueMaxLen
          && inlineValueMaxLen > 0
          && inlineBytes + v.length <= StoreOptions.MAX_INLINE_BYTES_PER_TX) {
        inline[i] = v;
        inlineBytes += v.length;
      } else {
        logged++;
      }
    }
    long[] vOffs = new long[n];
    long vRecOff;
    int vRecLen;
    if (logged > 0) {
      vRecLen = ValueRecordCodec.encodedLength(p.valueBytes - inlineBytes);
      vRecOff = writeValues(p, id, vRecLen, inline, vOffs);
      groupWroteValues = true;
    } else {
      // No value record: valuesOff is where it would have started (recovery expects each tx's
      // values right after the previous tx's).
      vRecLen = 0;
      vRecOff = vlog.size() + vbuf.position();
    }

    int tLen = TxRecordCodec.encodedLength(n, p.keyBytes, inlineBytes);
    ensureRoom(tbuf, txlog, tLen);
    long tOff = txlog.size() + tbuf.position();
    ByteBuffer target = tLen <= tbuf.capacity() ? tbuf : ByteBuffer.allocate(tLen);
    TxRecordCodec.encode(
        target, tOff, h, vRecOff, vRecLen, p.keys, vLens, vOffs, p.hValues, inline);
    if (target != tbuf) {
      target.flip();
      txlog.append(target);
    }
    new CommitRecord(id, tOff, tLen, alh).encode(cbuf);
    aht.append(alh);
    if (index != null) {
      EntryRef[] refs = new EntryRef[n];
      for (int i = 0; i < n; i++) {
        refs[i] = new EntryRef(id, i, vOffs[i], vLens[i], p.hValues[i]);
      }
      index.add(new TxIndexBatch(id, Arrays.asList(p.keys), Arrays.asList(refs)));
    }
    lastId = id;
    lastAlh = alh;
    lastTs = ts;
    return h;
  }

  /**
   * Writes the tx's value record with the values not stored inline ({@code inline[i] == null}),
   * streaming large values straight to the log; sets their {@code vOffs}.
   */
  private long writeValues(PreparedTx p, long id, int recLen, byte[][] inline, long[] vOffs)
      throws IOException {
    ensureRoom(vbuf, vlog, Math.min(recLen, ValueRecordCodec.PREFIX_LENGTH + 4));
    long recOff = vlog.size() + vbuf.position();
    int start = vbuf.position();
    ValueRecordCodec.begin(vbuf, recLen, id);
    CRC32C crc = new CRC32C();
    int end = vbuf.position();
    int limit = vbuf.limit();
    vbuf.limit(end).position(start);
    crc.update(vbuf); // leaves the position at end
    vbuf.limit(limit);
    long pos = recOff + ValueRecordCodec.PREFIX_LENGTH;
    for (int i = 0; i < p.values.length; i++) {
      if (inline[i] != null) {
        continue;
      }
      byte[] v = p.values[i];
      vOffs[i] = pos;
      crc.update(v);
      if (v.length > vbuf.remaining()) {
        flush(vbuf, vlog);
      }
      if (v.length > vbuf.remaining()) {
        vlog.append(ByteBuffer.wrap(v));
      } else {
        vbuf.put(v);
      }
      pos += v.length;
    }
    ensureRoom(vbuf, vlog, 4);
    vbuf.putInt((int) crc.getValue());
    return recOff;
  }

  private static void ensureRoom(ByteBuffer buf, Appendable log, int bytes) throws IOException {
    if (buf.remaining() < bytes) {
      flush(buf, log);
    }
  }

  private static void flush(ByteBuffer buf, Appendable log) throws IOException {
    buf.flip();
    if (buf.hasRemaining()) {
      log.append(buf);
    }
    buf.clear();
  }
}
