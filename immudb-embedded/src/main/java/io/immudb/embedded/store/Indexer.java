package io.immudb.embedded.store;

import io.immudb.core.tx.TxEntry;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.KeyIndex;
import io.immudb.embedded.internal.index.TxIndexBatch;
import io.immudb.embedded.internal.txlog.TxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index thread: follows the commit log and applies committed transactions to the {@link
 * KeyIndex}, in order, in batches: the rows the writer hands over ({@link #handOver}) as they come,
 * the rest read back from the log. Indexing runs behind the commit, so it never slows a commit;
 * readers that need a given tx indexed wait for it with {@link #awaitIndexed}.
 *
 * <p>Scheduling: the index is derived data, so while commits are queued and nobody is waiting for
 * the index, the indexer yields the CPU to the commit path (for at most {@link #MAX_DEFER_NANOS}
 * and while it is fewer than {@link #MAX_DEFER_TXS} transactions behind). As soon as a reader waits
 * in {@link #awaitIndexed}, or the writer goes idle, it indexes at full speed. This keeps bulk
 * commit throughput independent of index cost on small machines; the lag is reported as the index
 * catch-up time by the benchmark.
 *
 * <p>Thread-safety: {@link #run} on its own thread; {@link #wakeUp}, {@link #indexedTx} and {@link
 * #awaitIndexed} from any thread. Progress lives in the index itself (persisted atomically with the
 * entries), so after a restart indexing resumes where the index ends.
 */
final class Indexer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

  /**
   * Entries per index write. Small enough that the serialized batch (about 200 bytes an entry) and
   * its native copy reuse already-mapped memory instead of faulting in fresh pages each time: at
   * 200,000 the two copies of a 40 MB batch cost more than the memtable inserts.
   */
  private static final int MAX_BATCH_ENTRIES = 4_096;

  private static final int MAX_BATCH_TXS = 50_000;

  /** Largest lag, in transactions, up to which the indexer defers to a busy writer. */
  static final long MAX_DEFER_TXS = 250_000;

  private final KeyIndex index;
  private final LongSupplier committedTx;
  private final LongFunction<TxRecord> records;
  private final java.util.function.BooleanSupplier writerBusy;
  private final LongSupplier committedEntries;
  private final long deferEntries;
  private long indexedEntries; // guarded by applying

  /** Waiters by the tx they wait for; completed (true) once the index reaches it. */
  private final ConcurrentSkipListMap<Long, CompletableFuture<Boolean>> waiting =
      new ConcurrentSkipListMap<>();

  private static final CompletableFuture<Boolean> DONE = CompletableFuture.completedFuture(true);

  /**
   * Most entries handed over by the writer ({@link #handOver}) and not yet applied. Beyond it the
   * writer applies its groups itself again, so a busy index slows the commits rather than grow a
   * queue.
   */
  static final long MAX_HANDED_OVER_ENTRIES = 65_536;

  /** Index rows of committed groups, in tx order, for the index thread to apply. */
  private final java.util.concurrent.ConcurrentLinkedQueue<List<TxIndexBatch>> handedOver =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private final java.util.concurrent.atomic.AtomicLong handedOverEntries =
      new java.util.concurrent.atomic.AtomicLong();

  private volatile long handedOverGroups; // written by the writer thread only

  /**
   * Held while entries are applied to the index, by the index thread or by {@link #applyCommitted};
   * guards {@link #indexedEntries} and makes each apply start where the last one ended.
   */
  private final java.util.concurrent.locks.ReentrantLock applying =
      new java.util.concurrent.locks.ReentrantLock();

  private boolean signalled;
  private final Object monitor = new Object();
  private volatile long indexedTx;
  private volatile boolean stopped;
  private volatile RuntimeException failure;

  /** Longest wait between two tries of an index write refused for want of disk space. */
  static final long MAX_NO_SPACE_BACKOFF_MILLIS = 5_000;

  /** Index writes refused for want of disk space so far, each retried (index thread only). */
  private volatile long noSpaceRetries;

  private long noSpaceBackoffMillis; // index thread only; 0 while indexing goes well

  Indexer(
      KeyIndex index,
      LongSupplier committedTx,
      LongFunction<TxRecord> records,
      java.util.function.BooleanSupplier writerBusy,
      LongSupplier committedEntries,
      long deferEntries) {
    this.committedEntries = committedEntries;
    this.deferEntries = deferEntries;
    this.index = index;
    this.committedTx = committedTx;
    this.records = records;
    this.writerBusy = writerBusy;
    this.indexedTx = index.indexedTx();
  }

  long indexedTx() {
    return indexedTx;
  }

  /** How many index writes were refused for want of disk space (and retried) since the start. */
  long noSpaceRetries() {
    return noSpaceRetries;
  }

  /** Tells the indexer that new transactions were committed (or that it should re-check). */
  void wakeUp() {
    synchronized (monitor) {
      signalled = true;
      monitor.notify();
    }
  }

  void stop() {
    stopped = true;
    dropHandedOver();
    wakeUp();
    completeWaiters(Long.MAX_VALUE, false);
  }

  /**
   * Waits until every tx up to {@code txId} is indexed. Each waiter is woken once, when the index
   * reaches its own tx, however many others wait.
   *
   * @return false if {@code timeoutNanos} passed first, or the indexer stopped
   */
  boolean awaitIndexed(long txId, long timeoutNanos) throws InterruptedException {
    if (indexedTx >= txId) {
      return true;
    }
    CompletableFuture<Boolean> f = whenIndexed(txId);
    if (f.isDone()) {
      return join(f);
    }
    try {
      return f.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * A future that completes with true once every tx up to {@code txId} is indexed, with false if
   * the indexer stops first, or exceptionally if indexing failed. Completed on the indexer thread
   * (or at once, on the caller's): dependent actions MUST be short or move to another executor.
   * Several callers waiting for the same tx share one future.
   */
  CompletableFuture<Boolean> whenIndexed(long txId) {
    if (indexedTx >= txId) {
      return DONE;
    }
    RuntimeException failed = failure;
    if (failed != null) {
      return CompletableFuture.failedFuture(failed);
    }
    CompletableFuture<Boolean> f = waiting.computeIfAbsent(txId, k -> new CompletableFuture<>());
    wakeUp();
    // Re-check after registering: the indexer may have passed txId, failed or stopped just before.
    if (indexedTx >= txId) {
      completeWaiters(indexedTx, true);
    }
    failed = failure;
    if (failed != null) {
      f.completeExceptionally(failed);
    } else if (stopped) {
      f.complete(false);
    }
    return f;
  }

  /**
   * Applies the index rows of a group that was just committed, if the index is exactly at the tx
   * before it and the index thread is not applying meanwhile; called by the writer before it
   * answers the group's committers. Never blocks on the index thread.
   *
   * @return whether the rows were applied; if not, the index thread will read them from the log
   */
  private boolean applyCommitted(List<TxIndexBatch> rows) {
    if (stopped || failure != null || !applying.tryLock()) {
      return false;
    }
    try {
      if (indexedTx + 1 != rows.get(0).txId() || stopped) {
        return false;
      }
      applyRows(rows);
    } catch (RuntimeException e) {
      if (KeyIndex.isNoSpace(e)) {
        wakeUp(); // the index thread reads these txs from the log and retries
        return false;
      }
      fail(e);
      return true;
    } finally {
      applying.unlock();
    }
    if (!waiting.isEmpty()) {
      completeWaiters(indexedTx, true);
    }
    return true;
  }

  /**
   * Groups of at least this many txs hand their index rows to the index thread ({@link #handOver})
   * rather than apply them on the writer thread: with many committers the writer is the bottleneck,
   * and it starts on the next group while the index thread indexes this one. Smaller groups (a lone
   * committer) are indexed inline, which spares their answers a thread hop.
   */
  static final int HAND_OVER_MIN_TXS = 16;

  /**
   * Sees to the index rows of a group that was just committed (docs/design/storage.md, "Index
   * scheduling"); called by the writer before it answers the group. A group of fewer than {@link
   * #HAND_OVER_MIN_TXS} txs is applied right here ({@link #applyCommitted}), so that its committers
   * find their tx indexed when they are answered; a larger one, or any group behind rows still
   * handed over, is handed over; {@code null} rows, or rows neither path takes, are left to the
   * index thread, which reads them back from the log.
   */
  void committed(List<TxIndexBatch> rows) {
    if (rows == null || rows.isEmpty()) {
      wakeUp();
      return;
    }
    boolean handOff = rows.size() >= HAND_OVER_MIN_TXS || !handedOver.isEmpty();
    if (!(handOff && handOver(rows)) && !applyCommitted(rows)) {
      wakeUp();
    }
  }

  /**
   * Gives the index rows of a group that was just committed to the index thread, which applies them
   * next without reading them back from the log; called by the writer instead of {@link
   * #applyCommitted} for large groups, so that indexing one group overlaps writing the next.
   * Refused when {@link #MAX_HANDED_OVER_ENTRIES} are waiting already or the indexer has stopped.
   *
   * @return whether the rows were taken
   */
  private boolean handOver(List<TxIndexBatch> rows) {
    long n = entries(rows);
    if (stopped || failure != null || handedOverEntries.get() + n > MAX_HANDED_OVER_ENTRIES) {
      return false;
    }
    handedOverEntries.addAndGet(n);
    handedOver.add(rows);
    handedOverGroups++;
    wakeUp();
    return true;
  }

  /** Groups handed over so far (writer thread's count; for tests). */
  long handedOverGroups() {
    return handedOverGroups;
  }

  /**
   * Applies {@code rows}, which MUST start at the tx after {@link #indexedTx}, and moves the
   * progress past them; under {@code applying}.
   */
  private void applyRows(List<TxIndexBatch> rows) {
    index.apply(rows);
    indexedEntries += entries(rows);
    indexedTx = rows.get(rows.size() - 1).txId();
  }

  private static long entries(List<TxIndexBatch> rows) {
    long n = 0;
    for (TxIndexBatch b : rows) {
      n += b.size();
    }
    return n;
  }

  /**
   * Applies the handed-over rows that continue the index, dropping those it already holds (read
   * back from the log meanwhile); returns whether it applied any. Index thread, under {@code
   * applying}.
   */
  private boolean applyHandedOver() {
    boolean applied = false;
    List<TxIndexBatch> rows;
    while ((rows = handedOver.peek()) != null) {
      long first = rows.get(0).txId();
      long last = rows.get(rows.size() - 1).txId();
      if (first > indexedTx + 1) {
        return applied; // a gap: the txs before these come from the log first
      }
      if (last > indexedTx) {
        applyRows(rows.subList((int) (indexedTx + 1 - first), rows.size()));
        applied = true;
      }
      handedOver.poll();
      handedOverEntries.addAndGet(-entries(rows));
    }
    return applied;
  }

  private static boolean join(CompletableFuture<Boolean> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Completes the futures of every waiter whose tx is at most {@code upTo}. */
  private void completeWaiters(long upTo, boolean reached) {
    // Remove each entry atomically and complete exactly what was removed: a waiter that
    // registers meanwhile either is seen here or sees indexedTx >= its tx when it re-checks.
    for (Long tx : waiting.headMap(upTo, true).keySet()) {
      CompletableFuture<Boolean> f = waiting.remove(tx);
      if (f != null) {
        f.complete(reached);
      }
    }
  }

  @Override
  public void run() {
    while (!stopped && failure == null) {
      if (!handedOver.isEmpty() && applyHandedOverNow()) {
        continue;
      }
      long target = committedTx.getAsLong();
      if (indexedTx < target && shouldDefer(target)) {
        pause(1);
        continue;
      }
      if (indexedTx >= target) {
        pause(1000);
        continue;
      }
      applying.lock();
      try {
        if (indexedTx < target) {
          indexBatch(target);
        }
        if (noSpaceBackoffMillis > 0) {
          LOG.info("indexing resumed at tx {}: the disk has space again", indexedTx);
          noSpaceBackoffMillis = 0;
        }
      } catch (RuntimeException e) {
        if (!KeyIndex.isNoSpace(e)) {
          fail(e);
          return;
        }
        noSpace(e);
      } finally {
        applying.unlock();
      }
      if (noSpaceBackoffMillis > 0) {
        pause(noSpaceBackoffMillis);
        if (!stopped && index.hasRoomToFlush()) {
          reopenIndex();
        }
      }
    }
  }

  /**
   * Applies what was handed over, if it continues the index (never deferred: the writer would have
   * applied it itself); returns whether anything was applied.
   */
  private boolean applyHandedOverNow() {
    applying.lock();
    try {
      if (!applyHandedOver()) {
        return false;
      }
    } catch (RuntimeException e) {
      if (!KeyIndex.isNoSpace(e)) {
        fail(e);
        return false;
      }
      dropHandedOver(); // the log has them; the retry reads them back from it
      return false;
    } finally {
      applying.unlock();
    }
    completeWaiters(indexedTx, true);
    return true;
  }

  private void dropHandedOver() {
    List<TxIndexBatch> rows;
    while ((rows = handedOver.poll()) != null) {
      handedOverEntries.addAndGet(-entries(rows));
    }
  }

  /**
   * Space was freed after an index flush met a full disk: RocksDB stays stopped until it is opened
   * again, so reopen it, re-indexing from the tx log what only its memtables held (see {@link
   * KeyIndex#reopen}). Readers never see the index go back.
   */
  private void reopenIndex() {
    applying.lock();
    try {
      long upTo = indexedTx;
      index.reopen(from -> batch(from + 1, upTo));
    } catch (java.io.IOException e) {
      fail(new java.io.UncheckedIOException(e));
    } catch (RuntimeException e) {
      if (!KeyIndex.isNoSpace(e)) {
        fail(e);
      }
    } finally {
      applying.unlock();
    }
  }

  /**
   * An index write was refused for want of disk space (issue 16, part 2): the index is derived data
   * and RocksDB recovers by itself once space is freed, so keep the txs in the log and retry with a
   * growing pause (100 ms doubling to {@value #MAX_NO_SPACE_BACKOFF_MILLIS} ms), instead of
   * stopping until a restart. Readers waiting for the index time out meanwhile (DEADLINE_EXCEEDED),
   * as for any slow index.
   */
  private void noSpace(RuntimeException e) {
    noSpaceRetries++;
    if (noSpaceBackoffMillis == 0) {
      LOG.warn(
          "indexing after tx {} paused: no space left on device; retrying until space is freed"
              + " (reads that wait for the index time out meanwhile)",
          indexedTx,
          e);
      noSpaceBackoffMillis = 100;
    } else {
      noSpaceBackoffMillis = Math.min(MAX_NO_SPACE_BACKOFF_MILLIS, noSpaceBackoffMillis * 2);
    }
  }

  /** Sleeps until woken (a commit, a new waiter, stop) or {@code millis} pass. */
  private void pause(long millis) {
    synchronized (monitor) {
      if (!signalled && !stopped) {
        try {
          monitor.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopped = true;
        }
      }
      signalled = false;
    }
  }

  private void fail(RuntimeException e) {
    LOG.error("indexing after tx {} failed; reads that wait for the index will fail", indexedTx, e);
    failure = e;
    waiting.values().forEach(f -> f.completeExceptionally(e));
    waiting.clear();
  }

  private boolean shouldDefer(long target) {
    return waiting.isEmpty()
        && handedOver.isEmpty() // rows wait behind a gap only the log can fill
        && target - indexedTx < MAX_DEFER_TXS
        && committedEntries.getAsLong() - indexedEntries < deferEntries
        && writerBusy.getAsBoolean();
  }

  private void indexBatch(long target) {
    List<TxIndexBatch> batch = batch(indexedTx + 1, target);
    applyRows(batch);
    completeWaiters(indexedTx, true);
  }

  /**
   * The index rows of txs {@code next..target}, at most one batch's worth; requires next <= target.
   */
  private List<TxIndexBatch> batch(long next, long target) {
    List<TxIndexBatch> batch = new ArrayList<>();
    long entries = 0;
    while (next <= target && entries < MAX_BATCH_ENTRIES && batch.size() < MAX_BATCH_TXS) {
      TxRecord r = records.apply(next);
      List<TxEntry> es = r.entries();
      List<byte[]> keys = new ArrayList<>(es.size());
      List<EntryRef> refs = new ArrayList<>(es.size());
      for (int i = 0; i < es.size(); i++) {
        TxEntry e = es.get(i);
        keys.add(e.key());
        refs.add(new EntryRef(next, i, r.vOff(i), e.vLen(), e.hValue()));
      }
      batch.add(new TxIndexBatch(next, keys, refs));
      entries += es.size();
      next++;
    }
    return batch;
  }
}
