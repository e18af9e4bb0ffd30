package io.immudb.bench.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * One read phase of a {@link ReadLoad}: {@code threads} threads each apply {@code op} to sequential
 * keys drawn uniformly from {@code [0, keyCount)}, first for the warm-up (not recorded), then for
 * the measured run, which ends after the spec's seconds or once the spec's ops are done. Key
 * generation counts toward throughput but not toward latency. The CPU time of the reader threads
 * (key generation included) is recorded too: on a loaded machine it varies far less than the rate.
 *
 * <p>Not thread-safe: {@link #run} is called from one thread, which starts and joins the readers.
 * The first failure of a reader stops the phase and is rethrown as an {@link
 * IllegalStateException}.
 */
final class ReadPhase {

  private final String name;
  private final ReadLoadSpec spec;
  private final long keyCount;
  private final int keyLen;
  private final Consumer<byte[]> op;
  private final PrintStream log;

  ReadPhase(
      String name,
      ReadLoadSpec spec,
      long keyCount,
      int keyLen,
      Consumer<byte[]> op,
      PrintStream log) {
    this.name = name;
    this.spec = spec;
    this.keyCount = keyCount;
    this.keyLen = keyLen;
    this.op = op;
    this.log = log;
  }

  ReadStats run() {
    if (spec.warmupSeconds() > 0) {
      log.printf("%s: warming up for %d s%n", name, spec.warmupSeconds());
      measure(name + " warm-up", 0, seconds(spec.warmupSeconds()));
    }
    long ops = spec.ops();
    return ops > 0 ? measure(name, ops, 0) : measure(name, 0, seconds(spec.seconds()));
  }

  private static long seconds(int s) {
    return TimeUnit.SECONDS.toNanos(s);
  }

  /** Runs {@code ops} ops in all if {@code ops > 0}, else for {@code durationNanos}. */
  private ReadStats measure(String label, long ops, long durationNanos) {
    int n = spec.threads();
    LongAdder done = new LongAdder();
    LongAdder cpu = new LongAdder();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Histogram[] hs = new Histogram[n];
    List<Thread> threads = new ArrayList<>(n);
    long start = System.nanoTime();
    boolean timed = ops == 0;
    long deadline = start + (timed ? durationNanos : 0);
    for (int i = 0; i < n; i++) {
      Histogram h = new Histogram(3);
      hs[i] = h;
      long quota = ops > 0 ? ops / n + (i < ops % n ? 1 : 0) : Long.MAX_VALUE;
      SplittableRandom rnd = new SplittableRandom(start + i);
      Thread t =
          new Thread(
              () -> {
                long c0 = threadCpuNanos();
                read(rnd, quota, timed, deadline, h, done, failure);
                cpu.add(threadCpuNanos() - c0);
              },
              "bench-" + name + "-" + i);
      threads.add(t);
      t.start();
    }
    try (ProgressReporter p = new ProgressReporter(log, label, "ops", ops, done::sum)) {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
      throw new IllegalStateException("interrupted", e);
    }
    long elapsed = System.nanoTime() - start;
    Throwable f = failure.get();
    if (f != null) {
      throw new IllegalStateException(name + " failed: " + f, f);
    }
    Histogram all = new Histogram(3);
    for (Histogram h : hs) {
      all.add(h);
    }
    return new ReadStats(done.sum(), elapsed, all, cpu.sum());
  }

  /** CPU time of the calling thread, or 0 where the JVM can't measure it. */
  private static long threadCpuNanos() {
    return Math.max(0, ThreadCpu.currentThreadNanos());
  }

  private void read(
      SplittableRandom rnd,
      long quota,
      boolean timed,
      long deadline,
      Histogram h,
      LongAdder done,
      AtomicReference<Throwable> failure) {
    try {
      for (long i = 0; i < quota && failure.get() == null; i++) {
        byte[] key = SequentialKeys.key(rnd.nextLong(keyCount), keyLen);
        long t0 = System.nanoTime();
        if (timed && t0 - deadline >= 0) {
          return;
        }
        op.accept(key);
        h.recordValue(System.nanoTime() - t0);
        done.increment();
      }
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    }
  }
}
