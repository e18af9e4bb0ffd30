package io.immudb.bench.load;

import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * One committer thread of a {@link StoreLoad}, committing txs of entries {@code T}: commits its
 * warm-up txs, signals {@code ready}, waits for {@code go}, then commits its measured txs,
 * recording each commit's latency in microseconds. Warm-up and measured txs alike go one after
 * another, or with {@code inFlight} > 1 that many at a time through the async API (a new commit is
 * sent as soon as one completes): a warm-up of lone commits would leave the JIT compiling the paths
 * of large commit groups during the measurement.
 *
 * <p>Its histogram and end time are written by its own thread or, with commits in flight, by the
 * threads that complete them under the histogram's lock; they are read only after {@link
 * Thread#join()}, which returns once every commit has completed. The first failure of any committer
 * is kept in the shared {@code failure} reference and makes every committer stop after its current
 * commit.
 */
final class Committer<T> implements Runnable {
  private final List<List<T>> txs;
  private final int warmupTxs;
  private final Function<List<T>, CompletableFuture<TxHeader>> commit;
  private final int inFlight;
  private final CountDownLatch ready;
  private final CountDownLatch go;
  private final AtomicLong done;
  private final Histogram latencyMicros = new Histogram(3);
  private volatile long endNanos;

  /** CPU time of this committer's thread in the measured run; -1 if unknown. */
  private volatile long cpuNanos = -1;

  private volatile long lastTxId;
  private final AtomicReference<Throwable> failure;

  Committer(
      List<List<T>> txs,
      int warmupTxs,
      Function<List<T>, CompletableFuture<TxHeader>> commit,
      int inFlight,
      CountDownLatch ready,
      CountDownLatch go,
      AtomicLong done,
      AtomicReference<Throwable> failure) {
    this.txs = txs;
    this.warmupTxs = warmupTxs;
    this.commit = commit;
    this.inFlight = inFlight;
    this.ready = ready;
    this.go = go;
    this.done = done;
    this.failure = failure;
  }

  @Override
  public void run() {
    try {
      commitRange(0, warmupTxs, false);
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    } finally {
      ready.countDown();
    }
    if (!awaitGo()) {
      return;
    }
    long cpuStart = ThreadCpu.currentThreadNanos();
    try {
      commitRange(warmupTxs, txs.size(), true);
    } finally {
      long cpuEnd = ThreadCpu.currentThreadNanos();
      cpuNanos = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
    }
  }

  /**
   * Commits txs {@code [from, to)} the way the run is set up to (one by one, or {@code inFlight} at
   * a time), so that the warm-up exercises the very paths the measurement takes; records them only
   * if {@code measured}.
   */
  private void commitRange(int from, int to, boolean measured) {
    if (inFlight > 1) {
      runInFlight(from, to, measured);
    } else {
      runOneByOne(from, to, measured);
    }
  }

  private void runOneByOne(int from, int to, boolean measured) {
    try {
      for (int t = from; t < to && failure.get() == null; t++) {
        long start = System.nanoTime();
        TxHeader h = commit.apply(txs.get(t)).join();
        if (measured) {
          long end = System.nanoTime();
          latencyMicros.recordValue(Math.max(0, (end - start) / 1_000));
          lastTxId = Math.max(lastTxId, h.id());
          endNanos = end;
          done.incrementAndGet();
        }
      }
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    }
  }

  private void runInFlight(int from, int to, boolean measured) {
    Semaphore slots = new Semaphore(inFlight);
    try {
      for (int t = from; t < to && failure.get() == null; t++) {
        slots.acquire();
        long start = System.nanoTime();
        commit
            .apply(txs.get(t))
            .whenComplete(
                (h, e) -> {
                  long end = System.nanoTime();
                  if (e != null) {
                    failure.compareAndSet(null, e);
                  } else if (measured) {
                    synchronized (latencyMicros) {
                      latencyMicros.recordValue(Math.max(0, (end - start) / 1_000));
                      lastTxId = Math.max(lastTxId, h.id());
                      endNanos = Math.max(endNanos, end);
                    }
                    done.incrementAndGet();
                  }
                  slots.release();
                });
      }
      slots.acquire(inFlight); // every commit sent has completed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
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

  /**
   * CPU time of this committer's thread from the start of the measured run to its end; -1 if
   * unknown.
   */
  long cpuNanos() {
    return cpuNanos;
  }

  long lastTxId() {
    return lastTxId;
  }
}
