package io.immudb.embedded.store;

import io.immudb.core.tx.TxEntry;
import io.immudb.embedded.index.EntryRef;
import io.immudb.embedded.index.KeyIndex;
import io.immudb.embedded.index.TxIndexBatch;
import io.immudb.embedded.txlog.TxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index thread: follows the commit log and applies committed transactions to the {@link
 * KeyIndex}, in order, in batches. Indexing runs behind the commit, so it never slows a commit;
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
  private static final int MAX_BATCH_ENTRIES = 200_000;
  private static final int MAX_BATCH_TXS = 50_000;

  /** Largest lag, in transactions, up to which the indexer defers to a busy writer. */
  static final long MAX_DEFER_TXS = 250_000;

  private final KeyIndex index;
  private final LongSupplier committedTx;
  private final LongFunction<TxRecord> records;
  private final java.util.function.BooleanSupplier writerBusy;
  private final LongSupplier committedEntries;
  private final long deferEntries;
  private long indexedEntries;
  private final java.util.concurrent.atomic.AtomicInteger waiters =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Object monitor = new Object();
  private volatile long indexedTx;
  private volatile boolean stopped;
  private volatile RuntimeException failure;

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

  /** Tells the indexer that new transactions were committed. */
  void wakeUp() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  void stop() {
    stopped = true;
    wakeUp();
  }

  /**
   * Waits until every tx up to {@code txId} is indexed.
   *
   * @return false if {@code timeoutNanos} passed first
   */
  boolean awaitIndexed(long txId, long timeoutNanos) throws InterruptedException {
    if (indexedTx >= txId) {
      return true;
    }
    long deadline = System.nanoTime() + timeoutNanos;
    waiters.incrementAndGet();
    wakeUp();
    try {
      return awaitLocked(txId, deadline);
    } finally {
      waiters.decrementAndGet();
    }
  }

  private boolean awaitLocked(long txId, long deadline) throws InterruptedException {
    synchronized (monitor) {
      while (indexedTx < txId) {
        RuntimeException f = failure;
        if (f != null) {
          throw f;
        }
        if (stopped) {
          return false;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
      }
    }
    return true;
  }

  @Override
  public void run() {
    while (!stopped) {
      long target = committedTx.getAsLong();
      if (indexedTx < target && shouldDefer(target)) {
        synchronized (monitor) {
          try {
            monitor.wait(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        continue;
      }
      if (indexedTx >= target) {
        synchronized (monitor) {
          if (!stopped && indexedTx >= committedTx.getAsLong()) {
            try {
              monitor.wait(1000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
        continue;
      }
      try {
        indexBatch(target);
      } catch (RuntimeException e) {
        LOG.error(
            "indexing after tx {} failed; reads that wait for the index will fail", indexedTx, e);
        failure = e;
        wakeUp();
        return;
      }
    }
  }

  private boolean shouldDefer(long target) {
    return waiters.get() == 0
        && target - indexedTx < MAX_DEFER_TXS
        && committedEntries.getAsLong() - indexedEntries < deferEntries
        && writerBusy.getAsBoolean();
  }

  private void indexBatch(long target) {
    List<TxIndexBatch> batch = new ArrayList<>();
    long entries = 0;
    long next = indexedTx + 1;
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
    index.apply(batch);
    indexedEntries += entries;
    synchronized (monitor) {
      indexedTx = next - 1;
      monitor.notifyAll();
    }
  }
}
