package io.immudb.bench.load;

import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * One committer thread of a {@link StoreLoad}, committing txs of entries {@code T}: commits its
 * warm-up txs, signals {@code ready}, waits for {@code go}, then commits its measured txs one after
 * another, recording each commit's latency in microseconds.
 *
 * <p>Its histogram and end time are written by its own thread and read only after {@link
 * Thread#join()}. The first failure of any committer is kept in the shared {@code failure}
 * reference and makes every committer stop after its current commit.
 */
final class Committer<T> implements Runnable {
  private final List<List<T>> txs;
  private final int warmupTxs;
  private final Function<List<T>, TxHeader> commit;
  private final CountDownLatch ready;
  private final CountDownLatch go;
  private final AtomicLong done;
  private final Histogram latencyMicros = new Histogram(3);
  private volatile long endNanos;
  private volatile long lastTxId;
  private final AtomicReference<Throwable> failure;

  Committer(
      List<List<T>> txs,
      int warmupTxs,
      Function<List<T>, TxHeader> commit,
      CountDownLatch ready,
      CountDownLatch go,
      AtomicLong done,
      AtomicReference<Throwable> failure) {
    this.txs = txs;
    this.warmupTxs = warmupTxs;
    this.commit = commit;
    this.ready = ready;
    this.go = go;
    this.done = done;
    this.failure = failure;
  }

  @Override
  public void run() {
    try {
      for (int t = 0; t < warmupTxs && failure.get() == null; t++) {
        commit.apply(txs.get(t));
      }
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    } finally {
      ready.countDown();
    }
    if (!awaitGo()) {
      return;
    }
    try {
      for (int t = warmupTxs; t < txs.size() && failure.get() == null; t++) {
        long start = System.nanoTime();
        TxHeader h = commit.apply(txs.get(t));
        long end = System.nanoTime();
        latencyMicros.recordValue(Math.max(0, (end - start) / 1_000));
        lastTxId = Math.max(lastTxId, h.id());
        endNanos = end;
        done.incrementAndGet();
      }
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    }
  }

  private boolean awaitGo() {
    try {
      // Bounded so a thread never hangs if the load gave up after another committer failed.
      return go.await(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Histogram latencyMicros() {
    return latencyMicros;
  }

  long endNanos() {
    return endNanos;
  }

  long lastTxId() {
    return lastTxId;
  }
}
